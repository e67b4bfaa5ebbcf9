namespace MedPipeline.Orchestrator.Saga;

/// <summary>The stage as it travels in <c>SeriesStageTimedOut.Stage</c> and appears in reasons.</summary>
public static class SeriesStageNames
{
    /// <summary>
    /// Case-insensitive, because timeouts written before the stage became an enum carry lower-case
    /// names ("inference") and may still wait in the outbox.
    /// </summary>
    public static SeriesStage? Parse(string? name) =>
        Enum.TryParse<SeriesStage>(name, ignoreCase: true, out var stage) && Enum.IsDefined(stage) ? stage : null;

    /// <summary>The word used in reasons and at the HTTP edge ("the inference stage did not answer in time").</summary>
    public static string Word(this SeriesStage stage) => stage.ToString().ToLowerInvariant();
}
