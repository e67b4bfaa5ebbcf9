using System.Text.Json;
using MedPipeline.Persistence;
using MedPipeline.Persistence.Saga;
using MedPipeline.Persistence.Schema;
using NpgsqlTypes;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// The status read model the orchestrator owns and others (the gateway) read: table medpipe_read.series_status,
/// one row per series, written with every change of the saga row in the same transaction. Columns,
/// not the saga's JSON: readers need no knowledge of <see cref="SeriesState"/>. State and stage are
/// PascalCase names; status is the edge word; prediction is the contract's JSON; archive_key is the
/// upload the series still holds (null once the saga asked for its deletion), which an operator's rerun needs; heatmaps
/// names the PNGs of the deciding frames; embedding is a completed series' vector for similar-case search, embedding_model
/// the sha256 of the model that made it (vectors of different models do not compare).
/// </summary>
public sealed class SeriesStatusTable : ISagaReadModel<SeriesState>
{
    /// <summary>The read model's own schema: the gateway's database role may read it and nothing else.</summary>
    public const string Schema = "medpipe_read";

    public const string TableName = "series_status";

    public const string Name = $"{Schema}.{TableName}";

    private static readonly string[] Columns =
    [
        "correlation_id", "organization", "study_instance_uid", "series_instance_uid", "model_type", "state", "status", "stage", "reason",
        "attempt", "attempt_id", "modality", "instance_count", "image_instance_count", "total_bytes", "received_at", "unpacking_started_at",
        "unpacked_at", "preprocessed_at", "inferred_at", "finished_at", "prediction", "callbacks", "archive_key", "heatmaps",
        "dicom_results", "dicom_results_at", "embedding", "embedding_model",
    ];

    private static readonly string Upsert = $"""
        INSERT INTO {Name} ({string.Join(", ", Columns)}, updated_at)
        VALUES ({string.Join(", ", Columns.Select((_, i) => $"${i + 1}"))}, now())
        ON CONFLICT (correlation_id) DO UPDATE SET {string.Join(", ", Columns.Skip(1).Append("updated_at").Select(c => $"{c} = EXCLUDED.{c}"))}
        """;

    private readonly JsonSerializerOptions _json;

    public SeriesStatusTable(JsonSerializerOptions json) => _json = json;

    public IReadOnlyList<Migration> Migrations { get; } = [SeriesStatusSchema.Version1, SeriesStatusSchema.Version2, SeriesStatusSchema.Version3,
        SeriesStatusSchema.Version4, SeriesStatusSchema.Version5, SeriesStatusSchema.Version6];

    public async Task WriteAsync(ConsumeTransaction transaction, SeriesState saga, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(saga);
        await using var command = transaction.CreateCommand(Upsert);
        (object? Value, NpgsqlDbType Type)[] values =
        [
            (saga.CorrelationId, NpgsqlDbType.Uuid), (saga.Organization, NpgsqlDbType.Text), (saga.StudyInstanceUid, NpgsqlDbType.Text),
            (saga.SeriesInstanceUid, NpgsqlDbType.Text), (saga.ModelType, NpgsqlDbType.Text), (saga.CurrentState, NpgsqlDbType.Text),
            (saga.Status, NpgsqlDbType.Text), (saga.Stage?.ToString(), NpgsqlDbType.Text), (saga.Reason, NpgsqlDbType.Text),
            (saga.Attempts, NpgsqlDbType.Integer), (saga.AttemptId, NpgsqlDbType.Uuid), (saga.Modality, NpgsqlDbType.Text),
            (saga.InstanceCount, NpgsqlDbType.Integer), (saga.ImageInstanceCount, NpgsqlDbType.Integer), (saga.TotalBytes, NpgsqlDbType.Bigint),
            (Utc(saga.ReceivedAt), NpgsqlDbType.TimestampTz), (Utc(saga.UnpackingStartedAt), NpgsqlDbType.TimestampTz),
            (Utc(saga.UnpackedAt), NpgsqlDbType.TimestampTz), (Utc(saga.PreprocessedAt), NpgsqlDbType.TimestampTz),
            (Utc(saga.InferredAt), NpgsqlDbType.TimestampTz), (Utc(saga.FinishedAt), NpgsqlDbType.TimestampTz),
            (saga.Prediction is null ? null : JsonSerializer.Serialize(saga.Prediction, _json), NpgsqlDbType.Jsonb),
            (JsonSerializer.Serialize(saga.CallbackOutcomes, _json), NpgsqlDbType.Jsonb),
            (saga.ArchiveDeleted || saga.ArchiveKey.Length == 0 ? null : saga.ArchiveKey, NpgsqlDbType.Text),
            (JsonSerializer.Serialize(saga.Heatmaps, _json), NpgsqlDbType.Jsonb),
            (saga.Prediction?.DicomResults is { } dicom ? JsonSerializer.Serialize(dicom, _json) : null, NpgsqlDbType.Jsonb),
            (Utc(saga.DicomResultsAt), NpgsqlDbType.TimestampTz),
            (saga.Embedding, NpgsqlDbType.Array | NpgsqlDbType.Real),
            (saga.Embedding is null ? null : saga.Prediction?.Model.Sha256, NpgsqlDbType.Text),
        ];
        foreach (var (value, type) in values)
        {
            command.Parameters.Add(new() { Value = value ?? DBNull.Value, NpgsqlDbType = type });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTimeOffset? Utc(DateTimeOffset? time) => time?.ToUniversalTime();

    public async Task DeleteAsync(ConsumeTransaction transaction, SeriesState saga, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(saga);
        await using var command = transaction.CreateCommand($"DELETE FROM {Name} WHERE correlation_id = $1");
        command.Parameters.Add(new() { Value = saga.CorrelationId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
