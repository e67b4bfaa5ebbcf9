namespace MedPipeline.Contracts;

/// <summary>
/// An operator asks for a new attempt of a series from the start, with the upload it already holds (a failed
/// series whose upload was kept, or one stuck in a stage). Published by the gateway's admin API only.
/// </summary>
public sealed record RerunSeries
{
    public Guid CorrelationId { get; init; }

    /// <summary>The organization of the admin who asked (an operator's may differ from the series').</summary>
    public string RequestedByOrganization { get; init; } = "";

    /// <summary>The admin's key id or token client, for the orchestrator's audit line.</summary>
    public string RequestedByClient { get; init; } = "";

    /// <summary>The operator's note, if any (audit only; it never reaches the hospital's backend).</summary>
    public string? Reason { get; init; }

    public DateTimeOffset RequestedAt { get; init; }
}
