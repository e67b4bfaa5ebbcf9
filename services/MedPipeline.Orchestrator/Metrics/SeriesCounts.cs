namespace MedPipeline.Orchestrator.Metrics;

/// <summary>
/// One reading of the status read model: series per (state, organization) and stuck series per stage.
/// Every stage that can be stuck is present (0 when none is), so an alert sees a value, not an absence.
/// </summary>
public sealed record SeriesCounts(IReadOnlyList<SeriesCount> ByState, IReadOnlyDictionary<string, long> StuckByStage)
{
    public static SeriesCounts None { get; } = new([], new Dictionary<string, long>());
}
