using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Hosting.Health;

/// <summary>Section "Hosting": how long a service may stay without a healthy bus before it gives up and exits.</summary>
public sealed class BusWatchdogOptions
{
    public const string Section = "Hosting";

    /// <summary>
    /// A bus not healthy this long (it did not reconnect after a broker restart) makes the service report
    /// not-live and exit with <see cref="BusConnectionWatchdog.ExitCode"/>, so its supervisor starts a fresh one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Hosting:BusDisconnectedExitAfter must be between 1 second and 1 hour.")]
    public TimeSpan BusDisconnectedExitAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// A bus still not healthy this long after the broker accepts connections again also gives up: MassTransit
    /// 8.5's receive transports wait 3 s growing to 30 s between attempts, and the wait grows from one broker
    /// restart to the next (measured: 15, 30 and 35 s after three restarts); a fresh process connects at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Hosting:BusReconnectGrace must be between 1 second and 1 hour.")]
    public TimeSpan BusReconnectGrace { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the bus's health is looked at: often enough to exit close to the limit, at most every 5 s.</summary>
    internal TimeSpan CheckInterval => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, Math.Min(BusDisconnectedExitAfter.Ticks, BusReconnectGrace.Ticks) / 5));
}
