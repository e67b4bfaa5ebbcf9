using MedPipeline.Models;
using MedPipeline.Models.Manifest;

namespace MedPipeline.ModelRunner;

/// <summary>The answer for a whole series (or several files), by the manifest's aggregation rule over every row's answer.</summary>
public sealed record SeriesAnswer(ClassificationOutcome? Classification, AnomalyOutcome? Anomaly)
{
    /// <summary>Aggregates <paramref name="answers"/>; an anomaly model judges against <paramref name="threshold"/>, or its manifest's when null.</summary>
    public static SeriesAnswer Aggregate(ModelManifest manifest, IReadOnlyList<InstanceAnswer> answers, double? threshold = null) =>
        manifest.Task == ModelTask.Classification
            ? new SeriesAnswer(SeriesAggregation.AggregateClassification(manifest.Aggregation!, manifest.Labels!, [.. answers.Select(a => a.Probabilities!)]), null)
            : new SeriesAnswer(null, SeriesAggregation.AggregateAnomaly(manifest.Aggregation!.Rule, [.. answers.Select(a => a.Anomaly!.ReconstructionMse)],
                threshold ?? manifest.Threshold!.Value));
}
