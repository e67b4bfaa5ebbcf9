using MedPipeline.Orchestrator.Options;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>What the saga's behaviours need from the host: the clock, the stage deadlines, callback redelivery and clean-up.</summary>
internal sealed record SeriesSagaSettings(TimeProvider Time, StageTimeouts Timeouts, CallbackRetry CallbackRetry, bool DeleteSeriesData)
{
    /// <summary>
    /// The time, to the microsecond: PostgreSQL keeps no finer, so the saga row and the status table
    /// hold the very same times.
    /// </summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = Time.GetUtcNow();
            return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        }
    }
}
