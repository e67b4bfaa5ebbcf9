namespace MedPipeline.Orchestrator.Tests.Database;

/// <summary>One series_status row as the tests compare it; the JSON columns in PostgreSQL's canonical jsonb text.</summary>
public sealed record StatusRow(
    Guid CorrelationId,
    string Organization,
    string StudyInstanceUid,
    string SeriesInstanceUid,
    string ModelType,
    string State,
    string? Status,
    string? Stage,
    string? Reason,
    int Attempt,
    Guid AttemptId,
    string? Modality,
    int? InstanceCount,
    int? ImageInstanceCount,
    long? TotalBytes,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? UnpackingStartedAt,
    DateTimeOffset? UnpackedAt,
    DateTimeOffset? PreprocessedAt,
    DateTimeOffset? InferredAt,
    DateTimeOffset? FinishedAt,
    string? Prediction,
    string Callbacks,
    DateTimeOffset UpdatedAt,
    string? ArchiveKey);
