namespace MedPipeline.Contracts;

public sealed record SeriesInferenceCompleted
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public SeriesPrediction Prediction { get; init; } = new();
}
