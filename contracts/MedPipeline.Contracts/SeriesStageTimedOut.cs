namespace MedPipeline.Contracts;

/// <summary>A stage's deadline passed (published by the durable timeout sweeper from the saga's due time).</summary>
public sealed record SeriesStageTimedOut
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string Stage { get; init; } = "";
}
