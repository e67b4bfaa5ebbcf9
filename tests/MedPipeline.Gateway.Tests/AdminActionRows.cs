using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>st-olaf series an operator may act on (beside <see cref="AdminSeriesRows"/>), with the upload each holds in the read model.</summary>
internal static class AdminActionRows
{
    public const string Running = "acacac00-0000-4000-8000-000000000001";
    public const string FailedUploadKept = "acacac00-0000-4000-8000-000000000002";
    public const string FailedUploadDeleted = "acacac00-0000-4000-8000-000000000003";
    public const string FailedUploadMissing = "acacac00-0000-4000-8000-000000000004";

    /// <summary>The uploads that are in the store (the others are named in the read model only, or not at all).</summary>
    public static readonly string[] StoredUploads = ["archives/st-olaf/running.zip", "archives/st-olaf/kept.zip"];

    public static async Task WriteAsync(string orchestratorConnectionString)
    {
        await using var connection = new NpgsqlConnection(orchestratorConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status,
                stage, reason, attempt, attempt_id, callbacks, updated_at, archive_key) VALUES
            ('{Running}', 'st-olaf', '5.5', '5.5.1', 'ct-lesion-classifier', 'Inferring', NULL, 'Inference', NULL, 1, gen_random_uuid(), '{"{"}{"}"}',
             now() - interval '2 hours', 'archives/st-olaf/running.zip'),
            ('{FailedUploadKept}', 'st-olaf', '5.5', '5.5.2', 'ct-lesion-classifier', 'Failed', 'failed', NULL, 'x', 1, gen_random_uuid(), '{"{"}{"}"}',
             now(), 'archives/st-olaf/kept.zip'),
            ('{FailedUploadDeleted}', 'st-olaf', '5.5', '5.5.3', 'ct-lesion-classifier', 'Failed', 'failed', NULL, 'x', 1, gen_random_uuid(), '{"{"}{"}"}',
             now(), NULL),
            ('{FailedUploadMissing}', 'st-olaf', '5.5', '5.5.4', 'ct-lesion-classifier', 'Failed', 'failed', NULL, 'x', 1, gen_random_uuid(), '{"{"}{"}"}',
             now(), 'archives/st-olaf/missing.zip');
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}
