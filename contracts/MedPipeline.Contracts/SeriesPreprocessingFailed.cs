namespace MedPipeline.Contracts;

public sealed record SeriesPreprocessingFailed
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string Reason { get; init; } = "";
}
