using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;

namespace MedPipeline.Inference.Heatmaps;

/// <summary>Which rows decided a series' result, and which class a classifier's heatmaps follow.</summary>
public static class DecidingRows
{
    /// <summary>
    /// The class a classifier's maps follow: the positive label when the manifest names one (max-positive series), else
    /// the class the series was given; null for an anomaly model.
    /// </summary>
    public static string? LabelOf(ModelManifest manifest, IReadOnlyList<InstanceAnswer> answers) =>
        manifest.Task != ModelTask.Classification ? null
        : manifest.Aggregation?.PositiveLabel ?? SeriesAnswer.Aggregate(manifest, answers).Classification!.PredictedClass;

    /// <summary>The indices of the <paramref name="k"/> rows with the highest reconstruction error or probability of <paramref name="label"/>, highest first.</summary>
    public static IReadOnlyList<int> Pick(ModelManifest manifest, IReadOnlyList<InstanceAnswer> answers, string? label, int k)
    {
        var labelIndex = label is null ? -1 : manifest.Labels!.ToList().IndexOf(label);
        return [.. answers
            .Select((answer, row) => (Row: row, Score: answer.Anomaly?.ReconstructionMse ?? answer.Probabilities![labelIndex]))
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Row)
            .Take(k)
            .Select(r => r.Row)];
    }
}
