using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The orchestrator's status read model (medpipe_read.series_status) in a test database, written as the orchestrator's
/// role does: rows of running and finished series for the live-progress tests to watch.
/// </summary>
internal sealed class LiveStatusRows(string orchestratorConnectionString)
{
    public async Task CreateAsync()
    {
        await ExecuteAsync(SeriesStatusTable.Create);
    }

    /// <summary>A series of st-olaf in <paramref name="state"/> at <paramref name="stage"/>, with 12 image instances found.</summary>
    public Task RunningAsync(Guid correlationId, string state, string stage) =>
        ExecuteAsync($"""
            INSERT INTO medpipe_read.series_status VALUES ('{correlationId}', 'st-olaf', '1.2.3', '1.2.3.{Math.Abs(correlationId.GetHashCode())}',
                'ct-lesion-classifier', '{state}', NULL, '{stage}', NULL, 1, gen_random_uuid(), 'CT', 12, 12, 4096, now(), now(), now(), NULL, NULL, NULL,
                NULL, '{"{"}{"}"}', now())
            """);

    public Task FinishAsync(Guid correlationId, string state, string status, string? reason) =>
        ExecuteAsync($"""
            UPDATE medpipe_read.series_status SET state = '{state}', status = '{status}', stage = NULL, reason = {(reason is null ? "NULL" : $"'{reason}'")},
                finished_at = now(), updated_at = now() WHERE correlation_id = '{correlationId}'
            """);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(orchestratorConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
