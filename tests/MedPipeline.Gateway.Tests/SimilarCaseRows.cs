using System.Globalization;
using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// Completed xray-anomaly series with embeddings for the similar-case tests, written as the orchestrator would (the
/// read model's embedding columns of migration version 6). The asked series is <see cref="Asked"/>, finished at 12:00.
/// </summary>
internal static class SimilarCaseRows
{
    public const string Asked = "5e5e0000-0000-4000-8000-000000000001";
    public const string Near = "5e5e0000-0000-4000-8000-000000000002";
    public const string Middle = "5e5e0000-0000-4000-8000-000000000003";
    public const string Far = "5e5e0000-0000-4000-8000-000000000004";

    public static async Task WriteAsync(string orchestratorConnectionString)
    {
        await ExecuteAsync(orchestratorConnectionString, """
            ALTER TABLE medpipe_read.series_status ADD COLUMN embedding real[], ADD COLUMN embedding_model text;
            """);
        await InsertAsync(orchestratorConnectionString, Asked, "st-olaf", "9.1", "completed", "sha-a", "12:00", 1, 0, 0);
        await InsertAsync(orchestratorConnectionString, Near, "st-olaf", "9.2", "completed", "sha-a", "11:00", 0.8, 0.6, 0);
        await InsertAsync(orchestratorConnectionString, Middle, "st-olaf", "9.3", "completed", "sha-a", "10:00", 0.6, 0.8, 0);
        await InsertAsync(orchestratorConnectionString, Far, "st-olaf", "9.4", "completed", "sha-a", "09:00", 0, 1, 0);
        // Each of these points exactly where the asked series does, and none may be answered:
        await InsertAsync(orchestratorConnectionString, "5e5e0000-0000-4000-8000-000000000005", "st-olaf", "9.5", "completed", "sha-a", "13:00", 1, 0, 0);
        await InsertAsync(orchestratorConnectionString, "5e5e0000-0000-4000-8000-000000000006", "st-olaf", "9.6", "completed", "sha-b", "08:00", 1, 0, 0);
        await InsertAsync(orchestratorConnectionString, "5e5e0000-0000-4000-8000-000000000007", "other-hospital", "9.7", "completed", "sha-a", "08:00", 1, 0, 0);
        await InsertAsync(orchestratorConnectionString, "5e5e0000-0000-4000-8000-000000000008", "st-olaf", "9.8", "failed", "sha-a", "08:00", 1, 0, 0);
    }

    /// <summary>A completed st-olaf series, as the orchestrator writes one when it completes.</summary>
    public static Task InsertAsync(string connectionString, string id, string organization, string seriesUid, string status, string model,
        string finishedAt, params double[] embedding) =>
        ExecuteAsync(connectionString, $"""
            INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status,
                attempt, attempt_id, finished_at, prediction, callbacks, updated_at, embedding, embedding_model)
            VALUES ('{id}', '{organization}', '9', '{seriesUid}', 'xray-anomaly', '{(status == "completed" ? "Completed" : "Failed")}', '{status}', 1,
                gen_random_uuid(), '2026-11-27T{finishedAt}:00Z', '{"{"}"ReconstructionMse": 0.004, "IsAnomaly": true{"}"}', '{"{"}{"}"}', now(),
                ARRAY[{string.Join(", ", embedding.Select(v => v.ToString(CultureInfo.InvariantCulture)))}]::real[], '{model}');
            """);

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
