namespace MedPipeline.Contracts;

/// <summary>
/// The orchestrator ended an attempt of a series (completed, not_supported or failed) and its status read model
/// holds the outcome. For live progress: the one event that says "read the status now, nothing more comes".
/// </summary>
public sealed record SeriesFinished
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    /// <summary>The edge word of <see cref="SeriesStatus"/>.</summary>
    public string Status { get; init; } = "";
}
