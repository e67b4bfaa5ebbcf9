using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPipeline.Hosting.Health;

public static class HealthEndpointExtensions
{
    /// <summary>
    /// The endpoints every MedPipeline service answers: GET /health/live ("live" checks: the process runs and
    /// its bus has not stayed disconnected past Hosting:BusDisconnectedExitAfter), GET /health/ready ("ready"
    /// checks: the bus is connected and the databases answer) and GET /metrics (Prometheus text).
    /// Both health endpoints answer 200 only when Healthy: a Degraded bus (MassTransit's state while it
    /// reconnects) is not ready, so a load balancer or supervisor stops sending it work.
    /// </summary>
    public static IEndpointRouteBuilder MapMedPipelineHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Probes answer without credentials where a service requires them elsewhere (the gateway); /metrics follows
        // the service's own rule (the gateway's needs a caller identity).
        endpoints.MapHealthChecks("/health/live", OnlyHealthyIsOk(HealthTags.Live)).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", OnlyHealthyIsOk(HealthTags.Ready)).AllowAnonymous();
        endpoints.MapPrometheusScrapingEndpoint();
        return endpoints;
    }

    internal static HealthCheckOptions OnlyHealthyIsOk(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };
}
