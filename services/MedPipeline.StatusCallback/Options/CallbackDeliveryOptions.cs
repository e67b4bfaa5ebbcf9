using System.ComponentModel.DataAnnotations;

namespace MedPipeline.StatusCallback.Options;

/// <summary>How hard one delivery tries before reporting the backend unreachable ("StatusCallback:Delivery").</summary>
public sealed class CallbackDeliveryOptions
{
    public const string Section = "StatusCallback:Delivery";

    /// <summary>Attempts within one delivery, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the first retry; doubles each time (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
