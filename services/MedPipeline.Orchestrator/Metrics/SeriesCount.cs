namespace MedPipeline.Orchestrator.Metrics;

/// <summary>How many series of one organization are in one state (PascalCase, as stored).</summary>
public sealed record SeriesCount(string State, string Organization, long Count);
