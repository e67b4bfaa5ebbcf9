using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPipeline.Hosting.Health;

internal static class MedPipelineHealthChecks
{
    /// <summary>
    /// "self" (live) always; one "postgres-{name}" readiness check per non-empty entry of the
    /// ConnectionStrings section (every database here is PostgreSQL). The bus adds its own readiness
    /// check through <see cref="Messaging.MedPipelineMassTransitExtensions.AddMedPipelineMassTransit"/>.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);
        foreach (var entry in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(entry.Value))
            {
                var connectionString = entry.Value;
                checks.Add(new HealthCheckRegistration($"postgres-{entry.Key.ToLowerInvariant()}", _ => new NpgsqlReadinessCheck(connectionString),
                    HealthStatus.Unhealthy, [HealthTags.Ready], TimeSpan.FromSeconds(5)));
            }
        }
    }
}
