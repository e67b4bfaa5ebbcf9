namespace MedPipeline.Contracts;

/// <summary>The archive was refused; <see cref="Reason"/> is said to the hospital as it is.</summary>
public sealed record SeriesArchiveRejected
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public RejectionKind Kind { get; init; }

    public string Reason { get; init; } = "";
}
