using MedPipeline.Contracts;

namespace MedPipeline.Gateway.Series;

/// <summary>
/// One row of the orchestrator's status read model (series_status): what the status answer shows.
/// Read-only: only the orchestrator writes it. State and stage are PascalCase names, status is the edge word.
/// </summary>
public sealed record SeriesStatusRow
{
    public Guid CorrelationId { get; init; }

    public string State { get; init; } = "";

    public string Organization { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    public string ModelType { get; init; } = "";

    public int Attempt { get; init; }

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

    /// <summary>The heatmaps of the frames that decided the result (PNG keys in the series store).</summary>
    public IReadOnlyList<InstanceHeatmap> Heatmaps { get; init; } = [];
    /// <summary>The DICOM results (SR and heatmap UIDs, each export's outcome) of organizations with DICOM output.</summary>
    public DicomResults? DicomResults { get; init; }

    public DateTimeOffset? DicomResultsAt { get; init; }

    /// <summary>When the orchestrator last changed the row: what "older than" and paging go by.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A finished outcome that predictAgain=false returns as it is.</summary>
    public bool HasReusableOutcome => Status is SeriesStatus.Completed or SeriesStatus.NotSupported && State is "Completed" or "NotSupported";
}
