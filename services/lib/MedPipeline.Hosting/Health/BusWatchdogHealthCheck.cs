using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPipeline.Hosting.Health;

/// <summary>Live while the bus is connected or has been disconnected for less than the watchdog allows.</summary>
internal sealed class BusWatchdogHealthCheck(BusConnectionWatchdog watchdog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(watchdog.GaveUp
            ? new HealthCheckResult(context.Registration.FailureStatus, $"the bus has not been healthy for {watchdog.NotHealthyFor:g}")
            : HealthCheckResult.Healthy(watchdog.NotHealthyFor is { } duration ? $"the bus has not been healthy for {duration:g}" : null));
}
