using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace MedPipeline.Hosting.Health;

/// <summary>Ready when the database answers a trivial query.</summary>
internal sealed class NpgsqlReadinessCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // The exception's message, not the connection string: that may hold a password.
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL did not answer: {exception.Message}");
        }
    }
}
