using MedPipeline.Models;

namespace MedPipeline.ModelRunner;

/// <summary>
/// The model's answer for one input row (a frame of an instance): a classifier's probabilities (label order)
/// and class, or an anomaly model's reconstruction error against its threshold; and the row's embedding when the
/// manifest names an <c>embedding</c> output (for similar-case search).
/// </summary>
public sealed record InstanceAnswer(float[]? Probabilities, ClassificationOutcome? Classification, AnomalyOutcome? Anomaly)
{
    public float[]? Embedding { get; init; }
}
