using MedPipeline.Contracts;

namespace MedPipeline.Gateway.Series;

/// <summary>
/// What the gateway reads of one saga row (the orchestrator's series_state.data, PascalCase JSON).
/// Read-only: only the orchestrator writes series state.
/// </summary>
public sealed record SeriesStatusRow
{
    public Guid CorrelationId { get; init; }

    public string CurrentState { get; init; } = "";

    public string Organization { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    public string ModelType { get; init; } = "";

    public int Attempts { get; init; }

    public string? Modality { get; init; }

    public int? InstanceCount { get; init; }

    public int? ImageInstanceCount { get; init; }

    public long? TotalBytes { get; init; }

    public string? Stage { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public DateTimeOffset? UnpackingStartedAt { get; init; }

    public DateTimeOffset? UnpackedAt { get; init; }

    public DateTimeOffset? PreprocessedAt { get; init; }

    public DateTimeOffset? InferredAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string? Status { get; init; }

    public string? Reason { get; init; }

    public SeriesPrediction? Prediction { get; init; }

    public Dictionary<string, string> CallbackOutcomes { get; init; } = [];

    /// <summary>A finished outcome that predictAgain=false returns as it is.</summary>
    public bool HasReusableOutcome => Status is SeriesStatus.Completed or SeriesStatus.NotSupported && CurrentState is "Completed" or "NotSupported";
}
