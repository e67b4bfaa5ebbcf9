using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Orchestrator.Metrics;

/// <summary>How the series gauges are counted (section "Orchestrator:Metrics").</summary>
public sealed class SeriesMetricsOptions
{
    public const string Section = "Orchestrator:Metrics";

    /// <summary>How often the counts are read from the status read model (a scrape only reads the last counts).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Orchestrator:Metrics:RefreshEvery must be between 1 second and 1 hour.")]
    public TimeSpan RefreshEvery { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A series is stuck when it has been in its stage this many times the stage's timeout: the timeout sweeper
    /// should have failed it long before, so such a series means the sweeper or the outbox is not working.
    /// </summary>
    [Range(2, 100, ErrorMessage = "Orchestrator:Metrics:StuckAfterTimeouts must be between 2 and 100.")]
    public int StuckAfterTimeouts { get; set; } = 3;
}
