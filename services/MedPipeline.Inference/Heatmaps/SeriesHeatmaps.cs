using System.Diagnostics;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Series;
using MedPipeline.Inference.Options;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;
using MedPipeline.ModelRunner.Heatmaps;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Inference.Heatmaps;

/// <summary>
/// Heatmaps of the k rows that decided a series' result, stored as PNGs under the attempt's prefix (claim check). A
/// heatmap is an extra: any failure here is logged (type only, no patient data) and the series completes without them.
/// </summary>
public sealed partial class SeriesHeatmaps(ISeriesStore store, BatchInference inference, SourceFrameReader sources, IOptions<HeatmapOptions> options,
    ILogger<SeriesHeatmaps> logger)
{
    public async Task<IReadOnlyList<InstanceHeatmap>> MakeAsync(LoadedModel model, RunSeriesInference m, TensorIndex index,
        IReadOnlyList<InstanceAnswer> answers, CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        if (options.Value.TopK == 0 || answers.Count == 0 || (manifest.Task == ModelTask.Anomaly && !manifest.Outputs.ContainsKey("reconstruction")))
        {
            return [];
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var heatmaps = await MakeStoredAsync(model, m, index, answers, cancellationToken);
            LogMade(logger, m.CorrelationId, heatmaps.Count, clock.Elapsed.TotalMilliseconds);
            return heatmaps;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, m.CorrelationId, e.GetType().Name);
            return [];
        }
    }

    private async Task<List<InstanceHeatmap>> MakeStoredAsync(LoadedModel model, RunSeriesInference m, TensorIndex index,
        IReadOnlyList<InstanceAnswer> answers, CancellationToken cancellationToken)
    {
        var manifest = model.Manifest;
        var label = DecidingRows.LabelOf(manifest, answers);
        var instances = await StoredJson.ReadAsync<InstanceIndex>(store, StoreLayout.InstanceIndexBeside(m.TensorsKey),
            cancellationToken);
        var rowLength = index.RowShape.Aggregate(1, (a, d) => a * d);
        var batches = new Dictionary<int, float[]>();
        var heatmaps = new List<InstanceHeatmap>();
        foreach (var r in DecidingRows.Pick(manifest, answers, label, options.Value.TopK))
        {
            var row = index.Rows[r];
            var image = instances.Instances.First(i => i.Info.SopInstanceUid == row.SopInstanceUid);
            if (!batches.TryGetValue(row.Batch, out var values))
            {
                batches[row.Batch] = values = await TensorBatches.ReadBatchAsync(store, index.BatchKeys[row.Batch], cancellationToken);
            }

            var source = await sources.ReadAsync(image, row.Frame, manifest.Preprocessing!, cancellationToken);
            var heatmap = await new HeatmapMaker(inference).MakeAsync(model, values.AsMemory(row.Offset * rowLength, rowLength), label, source, cancellationToken);
            var key = StoreLayout.Heatmap(m.TensorsKey, r);
            using (var png = new MemoryStream(heatmap.Png, writable: false))
            {
                await store.WriteAsync(key, png, maxBytes: null, cancellationToken);
            }

            heatmaps.Add(new InstanceHeatmap { SopInstanceUid = row.SopInstanceUid, Frame = row.Frame, StoreKey = key, Width = heatmap.Width, Height = heatmap.Height });
        }

        return heatmaps;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Series {CorrelationId}: {Count} heatmap(s) made and stored in {Milliseconds:F0} ms")]
    private static partial void LogMade(ILogger logger, Guid correlationId, int count, double milliseconds);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Series {CorrelationId}: no heatmaps, making them failed with {ErrorType}; the result is published without them")]
    private static partial void LogFailed(ILogger logger, Guid correlationId, string errorType);
}
