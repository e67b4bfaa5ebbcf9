namespace MedPipeline.Contracts;

/// <summary>
/// An operator stops a running series: it fails with the reason "cancelled by an operator", its data is deleted
/// and every backend series id that asked gets the failed callback. Published by the gateway's admin API only.
/// </summary>
public sealed record CancelSeries
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
