using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// Rows of the status read model for the admin API's tests, created and written as the orchestrator's role
/// (the table's only writer), with the columns the orchestrator's migrations give it.
/// </summary>
internal static class AdminSeriesRows
{
    public const string OldFailed = "adadad00-0000-4000-8000-000000000001";
    public const string Inferring = "adadad00-0000-4000-8000-000000000002";
    public const string Completed = "adadad00-0000-4000-8000-000000000003";
    public const string OtherFailed = "adadad00-0000-4000-8000-000000000004";

    public static async Task WriteAsync(string orchestratorConnectionString)
    {
        await using var connection = new NpgsqlConnection(orchestratorConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            {SeriesStatusTable.Create}
            INSERT INTO medpipe_read.series_status VALUES
            ('{OldFailed}', 'st-olaf', '1.2.3', '1.2.3.1', 'ct-lesion-classifier', 'Failed', 'failed', NULL, 'inference did not answer within 00:05:00', 2,
             gen_random_uuid(), 'CT', 3, 3, 9000, '2026-11-27T09:00:00Z', '2026-11-27T09:00:01Z', '2026-11-27T09:00:03.5Z', '2026-11-27T09:00:04Z',
             NULL, '2026-11-27T09:05:04Z', NULL, '{"{"}"backend-1": "delivered (HTTP 204, 1 attempt(s))", "backend-0": "failed (HTTP 404)"{"}"}',
             now() - interval '3 hours'),
            ('{Inferring}', 'st-olaf', '1.2.3', '1.2.3.2', 'ct-lesion-classifier', 'Inferring', NULL, 'Inference', NULL, 1, gen_random_uuid(),
             NULL, NULL, NULL, NULL, '2026-11-27T10:00:00Z', NULL, NULL, NULL, NULL, NULL, NULL, '{"{"}{"}"}', now() - interval '1 minute'),
            ('{Completed}', 'st-olaf', '1.2.3', '1.2.3.3', 'xray-anomaly', 'Completed', 'completed', NULL, NULL, 1, gen_random_uuid(),
             NULL, NULL, NULL, NULL, '2026-11-27T08:00:00Z', NULL, NULL, NULL, NULL, NULL, NULL, '{"{"}{"}"}', now() - interval '2 hours'),
            ('{OtherFailed}', 'other-hospital', '7.7', '7.7.7', 'ct-lesion-classifier', 'Failed', 'failed', NULL, 'the archive is not a ZIP', 1,
             gen_random_uuid(), NULL, NULL, NULL, NULL, '2026-11-27T07:00:00Z', NULL, NULL, NULL, NULL, NULL, NULL, '{"{"}{"}"}', now() - interval '4 hours');
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
