using System.Reflection;
using MedPipeline.Contracts;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Reports;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.StatusCallback.Options;
using MedPipeline.Storage;
using Microsoft.Extensions.Options;

namespace MedPipeline.StatusCallback.DicomOutput;

/// <summary>
/// Makes the DICOM objects of one result from the store: the SR over every source image, and a secondary capture per
/// heatmap PNG (none without heatmaps). A heatmap that cannot be turned into an image is skipped and named in the failure.
/// </summary>
public sealed class DicomResultsMaker(ISeriesStore store, IOptions<DicomResultsOptions> options, TimeProvider time)
{
    private static readonly string Version = typeof(DicomResultsMaker).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        .Split('+')[0] ?? "unknown";

    public async Task<MadeResults> MakeAsync(BuildDicomResults command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var index = await StoredJson.ReadAsync<InstanceIndex>(store, StoreLayout.InstanceIndexOf(command.InstancesKey), cancellationToken);
        var sources = new List<SourceInstance>(index.Instances.Count);
        foreach (var instance in index.Instances)
        {
            await using var stream = store.OpenRead(instance.Key, instance.Offset, instance.Bytes);
            sources.Add(new SourceInstance(await DicomFile.ReadAsync(stream, instance.Name, cancellationToken: cancellationToken)));
        }

        // UIDs from the attempt: a redelivered command makes the same objects, which a PACS stores once.
        var root = settings.UidRoot;
        string Uid(string name) => DicomUids.Under(root, command.CorrelationId.ToString("N"), command.AttemptId.ToString("N"), name);
        var now = time.GetUtcNow();
        var srSeries = new ResultSeries(Uid("sr-series"), settings.SeriesNumber, now, root, Version);
        var report = StructuredReportBuilder.Build(FindingOf(command.Prediction), sources, srSeries, Uid("sr"));
        var images = new List<ResultObject>();
        var skipped = new List<string>();
        var imageSeries = srSeries with { SeriesInstanceUid = Uid("image-series"), SeriesNumber = settings.SeriesNumber + 1 };
        // Secondary captures are for anomaly models (the reconstruction-error map): one per flagged frame that has a heatmap
        // (heatmaps are made for the deciding frames, Heatmaps:TopK of them), none for a frame under the threshold.
        var flagged = command.Prediction.Instances.Where(i => i.IsAnomaly == true).Select(i => (i.SopInstanceUid, i.Frame)).ToHashSet();
        IReadOnlyList<InstanceHeatmap> heatmaps = command.Prediction.ReconstructionMse is null
            ? []
            : [.. command.Heatmaps.Where(h => flagged.Contains((h.SopInstanceUid, h.Frame)))];
        foreach (var heatmap in heatmaps)
        {
            var source = sources.FirstOrDefault(s => s.SopInstanceUid == heatmap.SopInstanceUid);
            if (source is null || !heatmap.StoreKey.StartsWith(StoreLayout.SeriesRoot + "/", StringComparison.Ordinal))
            {
                skipped.Add($"heatmap {images.Count + skipped.Count + 1}: not of an image of this series");
                continue;
            }

            try
            {
                var png = await ReadAllAsync(heatmap.StoreKey, cancellationToken);
                images.Add(SecondaryCaptureBuilder.FromPng(png, source, imageSeries, images.Count + 1, Uid($"image-{heatmap.SopInstanceUid}-{heatmap.Frame}")));
            }
            catch (ImageDecodeException e)
            {
                skipped.Add($"heatmap {images.Count + skipped.Count + 1}: {e.Failure}");
            }
        }

        var failure = skipped.Count == 0 ? null : $"{skipped.Count} heatmap(s) not made into images ({string.Join("; ", skipped)})";
        return new MadeResults(report, images, srSeries.SeriesInstanceUid, failure);
    }

    private static SeriesFinding FindingOf(SeriesPrediction prediction) => new()
    {
        AlgorithmName = prediction.Model.Name,
        AlgorithmVersion = prediction.Model.Version,
        ModelSha256 = prediction.Model.Sha256,
        ModelType = prediction.Model.ModelType,
        PredictedClass = prediction.PredictedClass,
        Probability = prediction.Probability,
        ReconstructionMse = prediction.ReconstructionMse,
        IsAnomaly = prediction.IsAnomaly,
        Threshold = prediction.Threshold,
    };

    private async Task<byte[]> ReadAllAsync(string key, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(key);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }
}
