namespace MedPipeline.Gateway.Admin;

/// <summary>The answer of GET /api/admin/stats, computed by PostgreSQL from the status read model at <see cref="GeneratedAt"/>.</summary>
public sealed record AdminStats(DateTimeOffset GeneratedAt, IReadOnlyList<SeriesStateCount> Series, IReadOnlyList<CallbackFailureCount> CallbackFailures,
    IReadOnlyList<StageLatency> StageLatencies);
