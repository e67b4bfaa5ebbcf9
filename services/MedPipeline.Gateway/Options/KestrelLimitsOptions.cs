using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace MedPipeline.Gateway.Options;

/// <summary>
/// Connection-level limits of the gateway's Kestrel ("Gateway:Kestrel"): how many clients may hold a connection,
/// and how slowly one may send its headers or its upload before it is cut off (slowloris, slow POST).
/// </summary>
public sealed class KestrelLimitsOptions
{
    public const string Section = "Gateway:Kestrel";

    /// <summary>Open connections at once (idle keep-alive ones count); beyond it a new connection is closed at once.</summary>
    [Range(1, 1_000_000)]
    public long MaxConcurrentConnections { get; set; } = 1000;

    /// <summary>Upgraded (WebSocket) connections at once; the gateway serves none, so few are allowed.</summary>
    [Range(0, 1_000_000)]
    public long MaxConcurrentUpgradedConnections { get; set; } = 100;

    /// <summary>Time from a request's first byte to the end of its headers; a client slower than this gets 408 and is closed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestHeadersTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Slowest accepted upload, in bytes per second on average, once the grace period has passed.</summary>
    [Range(1, 1_000_000_000)]
    public double MinRequestBodyDataRate { get; set; } = 1024;

    /// <summary>How long an upload may stay below <see cref="MinRequestBodyDataRate"/> first (Kestrel needs more than 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    public void ApplyTo(KestrelServerLimits limits)
    {
        limits.MaxConcurrentConnections = MaxConcurrentConnections;
        limits.MaxConcurrentUpgradedConnections = MaxConcurrentUpgradedConnections;
        limits.RequestHeadersTimeout = RequestHeadersTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(MinRequestBodyDataRate, MinRequestBodyDataRateGracePeriod);
    }
}
