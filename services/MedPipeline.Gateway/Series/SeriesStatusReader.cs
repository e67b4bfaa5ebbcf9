using System.Text.Json;
using MedPipeline.Contracts;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Gateway.Series;

/// <summary>
/// Reads the status read model the orchestrator keeps for the gateway (table medpipe_read.series_status,
/// through ConnectionStrings:SeriesStatus as role medpipe_gateway, which may SELECT in schema
/// medpipe_read and nothing else); an absent table or schema means no series yet.
/// </summary>
public sealed class SeriesStatusReader(NpgsqlDataSource dataSource)
{
    public const string ConnectionStringName = "SeriesStatus";

    private const string UndefinedTable = "42P01";
    private const string UndefinedSchema = "3F000";

    /// <summary>The columns <see cref="Read"/> expects, in order; the admin listing selects the same.</summary>
    internal const string Columns = """
        correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status, stage, reason, attempt,
        modality, instance_count, image_instance_count, total_bytes, received_at, unpacking_started_at, unpacked_at, preprocessed_at,
        inferred_at, finished_at, prediction::text, callbacks::text, updated_at, heatmaps::text, dicom_results::text, dicom_results_at
        """;

    internal const string UndefinedTableState = UndefinedTable;

    internal const string UndefinedSchemaState = UndefinedSchema;

    private const string Select = $"SELECT {Columns} FROM medpipe_read.series_status";

    public Task<SeriesStatusRow?> FindAsync(Guid correlationId, CancellationToken cancellationToken) =>
        QueryAsync($"{Select} WHERE correlation_id = $1", [(correlationId, NpgsqlDbType.Uuid)], cancellationToken);

    /// <summary>By the request's natural key; the study is optional (series UIDs are globally unique).</summary>
    public Task<SeriesStatusRow?> FindAsync(string organization, string seriesInstanceUid, string modelType, string? studyInstanceUid,
        CancellationToken cancellationToken) =>
        QueryAsync($"""
            {Select}
            WHERE organization = $1 AND series_instance_uid = $2 AND model_type = $3 AND ($4::text IS NULL OR study_instance_uid = $4)
            ORDER BY updated_at DESC LIMIT 1
            """,
            [(organization, NpgsqlDbType.Text), (seriesInstanceUid, NpgsqlDbType.Text), (modelType, NpgsqlDbType.Text), (studyInstanceUid, NpgsqlDbType.Text)],
            cancellationToken);

    private async Task<SeriesStatusRow?> QueryAsync(string sql, (object? Value, NpgsqlDbType Type)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
        }
        catch (PostgresException e) when (e.SqlState is UndefinedTable or UndefinedSchema)
        {
            return null;
        }
    }

    internal static SeriesStatusRow Read(NpgsqlDataReader r) => new()
    {
        CorrelationId = r.GetGuid(0),
        Organization = r.GetString(1),
        StudyInstanceUid = r.GetString(2),
        SeriesInstanceUid = r.GetString(3),
        ModelType = r.GetString(4),
        State = r.GetString(5),
        Status = Text(r, 6),
        Stage = Text(r, 7),
        Reason = Text(r, 8),
        Attempt = r.GetInt32(9),
        Modality = Text(r, 10),
        InstanceCount = Value<int>(r, 11),
        ImageInstanceCount = Value<int>(r, 12),
        TotalBytes = Value<long>(r, 13),
        ReceivedAt = Value<DateTimeOffset>(r, 14),
        UnpackingStartedAt = Value<DateTimeOffset>(r, 15),
        UnpackedAt = Value<DateTimeOffset>(r, 16),
        PreprocessedAt = Value<DateTimeOffset>(r, 17),
        InferredAt = Value<DateTimeOffset>(r, 18),
        FinishedAt = Value<DateTimeOffset>(r, 19),
        Prediction = Text(r, 20) is { } prediction ? JsonSerializer.Deserialize<SeriesPrediction>(prediction) : null,
        CallbackOutcomes = JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(21)) ?? [],
        UpdatedAt = Value<DateTimeOffset>(r, 22),
        Heatmaps = Text(r, 23) is { } heatmaps ? JsonSerializer.Deserialize<List<InstanceHeatmap>>(heatmaps) ?? [] : [],
        DicomResults = Text(r, 24) is { } dicom ? JsonSerializer.Deserialize<DicomResults>(dicom) : null,
        DicomResultsAt = Value<DateTimeOffset>(r, 25),
    };

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static T? Value<T>(NpgsqlDataReader reader, int ordinal)
        where T : struct => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);
}
