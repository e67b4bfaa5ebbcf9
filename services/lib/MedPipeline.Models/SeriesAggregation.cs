using MedPipeline.Models.Manifest;

namespace MedPipeline.Models;

/// <summary>Per-image and per-series results from model outputs, by the rules of models/MANIFEST.md.</summary>
public static class SeriesAggregation
{
    public static ClassificationOutcome Classify(IReadOnlyList<string> labels, ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length != labels.Count)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities for {labels.Count} labels", nameof(probabilities));
        }

        var best = 0;
        for (var i = 1; i < probabilities.Length; i++)
        {
            best = probabilities[i] > probabilities[best] ? i : best;
        }

        var all = new Dictionary<string, double>(labels.Count);
        for (var i = 0; i < labels.Count; i++)
        {
            all[labels[i]] = probabilities[i];
        }

        return new ClassificationOutcome(labels[best], probabilities[best], all);
    }

    public static ClassificationOutcome AggregateClassification(AggregationSpec rule, IReadOnlyList<string> labels, IReadOnlyList<float[]> perInstance)
    {
        ArgumentOutOfRangeException.ThrowIfZero(perInstance.Count);
        var mean = new float[labels.Count];
        foreach (var probabilities in perInstance)
        {
            for (var i = 0; i < mean.Length; i++)
            {
                mean[i] += probabilities[i] / perInstance.Count;
            }
        }

        if (rule.Rule == AggregationRule.Mean)
        {
            return Classify(labels, mean);
        }

        if (rule.Rule != AggregationRule.MaxPositive || labels.Count != 2 || rule.PositiveLabel is null)
        {
            throw new ArgumentException($"rule {rule.Rule} does not apply to a {labels.Count}-class classifier", nameof(rule));
        }

        var positive = labels.ToList().IndexOf(rule.PositiveLabel);
        var maxPositive = perInstance.Max(p => p[positive]);
        var all = new Dictionary<string, double> { [labels[positive]] = maxPositive, [labels[1 - positive]] = 1 - maxPositive };
        return maxPositive >= 0.5
            ? new ClassificationOutcome(labels[positive], maxPositive, all)
            : new ClassificationOutcome(labels[1 - positive], 1 - maxPositive, all);
    }

    public static AnomalyOutcome Anomaly(double mse, double threshold) => new(mse, mse > threshold, threshold);

    public static AnomalyOutcome AggregateAnomaly(AggregationRule rule, IReadOnlyList<double> perInstanceMse, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfZero(perInstanceMse.Count);
        var mse = rule switch
        {
            AggregationRule.MaxMse => perInstanceMse.Max(),
            AggregationRule.MeanMse => perInstanceMse.Average(),
            _ => throw new ArgumentException($"rule {rule} does not apply to an anomaly model", nameof(rule)),
        };
        return Anomaly(mse, threshold);
    }
}
