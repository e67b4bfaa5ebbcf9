using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace MedPipeline.Hosting.Health;

public static class HealthEndpointExtensions
{
    /// <summary>
    /// Maps GET /health/live (the process runs: "live" checks) and GET /health/ready (broker and
    /// database answer: "ready" checks); 200 when healthy, 503 otherwise.
    /// </summary>
    public static IEndpointRouteBuilder MapMedPipelineHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Probes answer without credentials where a service requires them elsewhere (the gateway).
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) }).AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) }).AllowAnonymous();
        return endpoints;
    }
}
