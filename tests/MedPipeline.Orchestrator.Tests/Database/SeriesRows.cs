using System.Text.Json;
using MedPipeline.Orchestrator.Saga;
using Npgsql;

namespace MedPipeline.Orchestrator.Tests.Database;

/// <summary>Reads a series' saga row and status row straight from PostgreSQL, and what the status row should say.</summary>
public sealed class SeriesRows(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

    public async Task<(SeriesState Saga, DateTimeOffset UpdatedAt)?> SagaAsync(Guid correlationId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data::text, version, updated_at FROM series_state WHERE correlation_id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = correlationId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var saga = JsonSerializer.Deserialize<SeriesState>(reader.GetString(0), SeriesStateTable.Map.JsonOptions)!;
        saga.Version = reader.GetInt32(1);
        return (saga, reader.GetFieldValue<DateTimeOffset>(2));
    }

    public async Task<StatusRow?> StatusAsync(Guid correlationId)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status, stage, reason, attempt,
                   attempt_id, modality, instance_count, image_instance_count, total_bytes, received_at, unpacking_started_at, unpacked_at,
                   preprocessed_at, inferred_at, finished_at, prediction::text, callbacks::text, updated_at, archive_key, heatmaps::text
            FROM medpipe_read.series_status WHERE correlation_id = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = correlationId });
        await using var r = await command.ExecuteReaderAsync();
        if (!await r.ReadAsync())
        {
            return null;
        }

        return new StatusRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), Get<string>(r, 6),
            Get<string>(r, 7), Get<string>(r, 8), r.GetInt32(9), r.GetGuid(10), Get<string>(r, 11), Get<int?>(r, 12), Get<int?>(r, 13),
            Get<long?>(r, 14), Get<DateTimeOffset?>(r, 15), Get<DateTimeOffset?>(r, 16), Get<DateTimeOffset?>(r, 17), Get<DateTimeOffset?>(r, 18),
            Get<DateTimeOffset?>(r, 19), Get<DateTimeOffset?>(r, 20), Get<string>(r, 21), r.GetString(22), r.GetFieldValue<DateTimeOffset>(23),
            Get<string>(r, 24), r.GetString(25));
    }

    /// <summary>What the status row must hold for this saga row, written out field by field from the saga.</summary>
    public async Task<StatusRow> ExpectedStatusAsync(SeriesState s, DateTimeOffset updatedAt) => new(
        s.CorrelationId, s.Organization, s.StudyInstanceUid, s.SeriesInstanceUid, s.ModelType, s.CurrentState, s.Status, s.Stage?.ToString(),
        s.Reason, s.Attempts, s.AttemptId, s.Modality, s.InstanceCount, s.ImageInstanceCount, s.TotalBytes, s.ReceivedAt, s.UnpackingStartedAt,
        s.UnpackedAt, s.PreprocessedAt, s.InferredAt, s.FinishedAt,
        s.Prediction is null ? null : await CanonicalAsync(JsonSerializer.Serialize(s.Prediction)),
        (await CanonicalAsync(JsonSerializer.Serialize(s.CallbackOutcomes)))!, updatedAt,
        s.ArchiveDeleted || s.ArchiveKey.Length == 0 ? null : s.ArchiveKey,
        (await CanonicalAsync(JsonSerializer.Serialize(s.Heatmaps)))!);

    /// <summary>Waits until the saga row is in <paramref name="state"/> at a version above <paramref name="afterVersion"/>.</summary>
    public async Task<(SeriesState Saga, DateTimeOffset UpdatedAt)> WaitForAsync(Guid correlationId, string state, int afterVersion = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            if (await SagaAsync(correlationId) is { } row && row.Saga.CurrentState == state && row.Saga.Version > afterVersion)
            {
                return row;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the series did not reach {state} after version {afterVersion}");
            await Task.Delay(50);
        }
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<string?> CanonicalAsync(string json)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT $1::jsonb::text", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = json });
        return (string?)await command.ExecuteScalarAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static T? Get<T>(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? default : reader.GetFieldValue<T>(ordinal);
}
