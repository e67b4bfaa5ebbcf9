using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Orchestrator.Options;

/// <summary>
/// When the StatusCallback worker reports a backend unreachable (after its own quick retries), the
/// saga sends the callback again later, with durable due times ("Orchestrator:CallbackRetry").
/// </summary>
public sealed class CallbackRetry
{
    public const string Section = "Orchestrator:CallbackRetry";

    /// <summary>Redeliveries after the first failed delivery; 0 gives up at once.</summary>
    [Range(0, 100)]
    public int MaxRedeliveries { get; set; } = 12;

    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.100", "7.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Doubles per redelivery up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan DelayBefore(int redelivery) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks * (1L << Math.Clamp(redelivery - 1, 0, 30))));
}
