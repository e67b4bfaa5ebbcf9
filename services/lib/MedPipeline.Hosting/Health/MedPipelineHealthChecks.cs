using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPipeline.Hosting.Health;

internal static class MedPipelineHealthChecks
{
    /// <summary>
    /// "self" (live) always; one "postgres-{name}" readiness check (AspNetCore.HealthChecks.NpgSql,
    /// SELECT 1) per non-empty entry of the ConnectionStrings section (every database here is PostgreSQL).
    /// The bus adds its readiness check and its watchdog through
    /// <see cref="Messaging.MedPipelineMassTransitExtensions.AddMedPipelineMassTransit"/>.
    /// </summary>
    public static void Add(IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);
        foreach (var entry in configuration.GetSection("ConnectionStrings").GetChildren())
        {
            if (!string.IsNullOrWhiteSpace(entry.Value))
            {
                checks.AddNpgSql(entry.Value, name: $"postgres-{entry.Key.ToLowerInvariant()}", tags: [HealthTags.Ready], timeout: TimeSpan.FromSeconds(5));
            }
        }
    }
}
