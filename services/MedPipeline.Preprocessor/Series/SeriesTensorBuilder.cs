using System.Diagnostics;
using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Series;
using MedPipeline.ModelInput;
using MedPipeline.Models.Manifest;
using MedPipeline.Preprocessor.Options;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Decodes every image of the series in order and preprocesses each frame for the model; the tensors go
/// to the store in batches with an index of their rows. A file that cannot be decoded fails the series
/// with its name and reason; so does a series over its <see cref="SeriesLimitsOptions"/> budget, before any decoding.
/// </summary>
public sealed class SeriesTensorBuilder(ISeriesStore store, SeriesImages images, IndexedFrameDecoder decoder, IOptions<SeriesLimitsOptions> limits)
{
    /// <summary>Images prepared at once: one per core and one more keeps every core busy while bounding the decoded pixels held to a few images.</summary>
    private static readonly int Lookahead = Environment.ProcessorCount + 1;

    public async Task<PreprocessingOutcome> BuildAsync(PreprocessSeries m, ModelManifest manifest, PreprocessingProgress? progress,
        CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var spec = manifest.Preprocessing!;
        var (index, problem) = await images.ReadAsync(m, cancellationToken);
        if (index is null)
        {
            return PreprocessingOutcome.Failed(problem!);
        }

        if (SeriesBudget.Exceeded(index, ImagePreprocessor.TensorLength(spec), limits.Value) is { } overBudget)
        {
            return PreprocessingOutcome.Failed(overBudget);
        }

        var tensorsKey = StoreLayout.TensorsOf(m.InstancesKey);
        var writer = new TensorBatchWriter(store, tensorsKey, ImagePreprocessor.TensorLength(spec));
        var length = ImagePreprocessor.TensorLength(spec);
        var instances = index.Instances;
        var pending = new Queue<(IndexedInstance Image, Task<PreparedImage> Prepared)>();
        PreprocessingSummary? summary = null;
        var next = 0;
        var written = 0;
        try
        {
            if (progress is not null)
            {
                await progress.ReportAsync(0, instances.Count, cancellationToken);
            }

            while (next < instances.Count || pending.Count > 0)
            {
                // A few images ahead decode and preprocess on the other cores while rows are written in series order.
                for (; next < instances.Count && pending.Count < Lookahead; next++)
                {
                    var image = instances[next];
                    pending.Enqueue((image, Task.Run(() => PreparedImage.PrepareAsync(decoder, image, spec, length, cancellationToken), cancellationToken)));
                }

                var (done, prepared) = pending.Dequeue();
                using var rows = await prepared;
                if (rows.Failure is { } failure)
                {
                    return PreprocessingOutcome.Failed(failure);
                }

                summary ??= rows.Summary;
                for (var f = 0; f < rows.Frames; f++)
                {
                    rows.Row(f, length).CopyTo(writer.NextRow);
                    await writer.AddAsync(done.Info.SopInstanceUid ?? done.FileName, done.Info.InstanceNumber, f + 1, cancellationToken);
                }

                if (progress is not null)
                {
                    await progress.ReportAsync(++written, instances.Count, cancellationToken);
                }
            }
        }
        finally
        {
            await ReleaseAsync(pending);
        }

        await writer.FlushAsync(cancellationToken);
        if (writer.Rows.Count == 0)
        {
            return PreprocessingOutcome.Failed("the series has no decodable image frames");
        }

        var shape = manifest.Input!.Shape.Skip(1).Select(d => (int)d).ToList();
        await TensorBatches.WriteIndexAsync(store, tensorsKey, new TensorIndex(shape, writer.Rows, writer.BatchKeys, JsonSerializer.Serialize(summary),
            Math.Round(clock.Elapsed.TotalMilliseconds, 3)), cancellationToken);
        return new PreprocessingOutcome { TensorsKey = tensorsKey, BatchKeys = writer.BatchKeys, FrameCount = writer.Rows.Count };
    }

    /// <summary>Images still being prepared when the series stops early (a failure or cancellation) are awaited and their rows returned.</summary>
    private static async Task ReleaseAsync(Queue<(IndexedInstance Image, Task<PreparedImage> Prepared)> pending)
    {
        while (pending.TryDequeue(out var item))
        {
            await ((Task)item.Prepared).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (item.Prepared.IsCompletedSuccessfully)
            {
                item.Prepared.Result.Dispose();
            }
        }
    }
}
