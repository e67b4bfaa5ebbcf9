using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPipeline.Hosting.Health;

/// <summary>
/// Not ready while the broker's port refuses connections. MassTransit's own bus check can still say
/// Healthy for a few seconds after the broker went away (its connection has not noticed yet), and a
/// load balancer must stop sending work at once.
/// </summary>
internal sealed class BrokerReachableHealthCheck(IBrokerProbe broker) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await broker.AnswersAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, "the broker does not accept connections");
}
