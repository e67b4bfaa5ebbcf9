namespace MedPipeline.Contracts;

public sealed record SeriesInferenceCompleted
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public SeriesPrediction Prediction { get; init; } = new();

    /// <summary>Heatmaps of the frames that decided the result (top k); empty when none were made or from older producers.</summary>
    public IReadOnlyList<InstanceHeatmap> Heatmaps { get; init; } = [];

    /// <summary>
    /// The series' embedding (the model's output named <c>embedding</c> in its manifest, pooled over the series) for
    /// similar-case search; null when the model has none or from older producers.
    /// </summary>
    public IReadOnlyList<float>? Embedding { get; init; }
}
