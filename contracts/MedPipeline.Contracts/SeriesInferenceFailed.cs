namespace MedPipeline.Contracts;

public sealed record SeriesInferenceFailed
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string Reason { get; init; } = "";
}
