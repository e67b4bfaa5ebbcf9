using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// st-olaf series for the statistics (beside <see cref="AdminSeriesRows"/>): two completed just now whose unpacking took 1 s and
/// 3 s after 0.5 s in the queue, one with a callback waiting for a redelivery, and one changed two days ago (outside every window).
/// </summary>
internal static class AdminStatsRows
{
    public static async Task WriteAsync(string orchestratorConnectionString)
    {
        await using var connection = new NpgsqlConnection(orchestratorConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status,
                attempt, attempt_id, received_at, unpacking_started_at, unpacked_at, callbacks, updated_at) VALUES
            (gen_random_uuid(), 'st-olaf', '6.6', '6.6.1', 'ct-lesion-classifier', 'Completed', 'completed', 1, gen_random_uuid(),
             '2026-11-27T11:00:00Z', '2026-11-27T11:00:00.5Z', '2026-11-27T11:00:01.5Z',
             '{"b-1": "failed after 2 attempt(s): HTTP 503; redelivery 1 of 5 in 1 s"}', now()),
            (gen_random_uuid(), 'st-olaf', '6.6', '6.6.2', 'ct-lesion-classifier', 'Completed', 'completed', 1, gen_random_uuid(),
             '2026-11-27T11:00:00Z', '2026-11-27T11:00:00.5Z', '2026-11-27T11:00:03.5Z', '{"b-2": "delivered (HTTP 204, 1 attempt(s))"}', now()),
            (gen_random_uuid(), 'st-olaf', '6.6', '6.6.3', 'ct-lesion-classifier', 'Failed', 'failed', 1, gen_random_uuid(),
             '2026-11-25T11:00:00Z', '2026-11-25T11:00:00.5Z', '2026-11-25T11:09:00Z', '{"b-3": "failed after 2 attempt(s): HTTP 500"}',
             now() - interval '2 days');
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
