namespace MedPipeline.Gateway.Admin;

/// <summary>What the gateway checks before it asks the saga for an operator action: whose series, its state, the upload it holds.</summary>
/// <param name="ArchiveKey">The upload a rerun starts from; null once the saga asked for its deletion.</param>
public sealed record SeriesActionTarget(Guid CorrelationId, string Organization, string State, string? ArchiveKey);
