using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// One series request: (organization, study, series, model type), keyed by its correlation id.
/// <see cref="Stage"/> and <see cref="DueAt"/> are the durable timeout contract: while a stage runs,
/// DueAt is when it must have answered; a sweeper publishes <see cref="SeriesStageTimedOut"/> for
/// rows whose DueAt has passed. Terminal states clear both.
/// </summary>
public sealed class SeriesState : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public int Version { get; set; }

    public string Organization { get; set; } = "";

    public string StudyInstanceUid { get; set; } = "";

    public string SeriesInstanceUid { get; set; } = "";

    public string ModelType { get; set; } = "";

    public Guid AttemptId { get; set; }

    public int Attempts { get; set; }

    public string ArchiveKey { get; set; } = "";

    /// <summary>
    /// Whether the saga asked for <see cref="ArchiveKey"/> to be deleted (its attempt ended with clean-up on):
    /// such a series cannot be rerun from its upload; a new request brings a new one.
    /// </summary>
    public bool ArchiveDeleted { get; set; }

    /// <summary>Every backend series id that asked; each gets its own callback.</summary>
    public List<string> SeriesIds { get; set; } = [];

    public string? InstancesKey { get; set; }

    /// <summary>What the Unpacker found: modality, instances (all / images) and their bytes.</summary>
    public string? Modality { get; set; }

    public int? InstanceCount { get; set; }

    public int? ImageInstanceCount { get; set; }

    public long? TotalBytes { get; set; }

    public string? TensorsKey { get; set; }

    public List<string> TensorBatchKeys { get; set; } = [];

    public SeriesStage? Stage { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public DateTimeOffset? UnpackingStartedAt { get; set; }

    public DateTimeOffset? UnpackedAt { get; set; }

    public DateTimeOffset? PreprocessedAt { get; set; }

    public DateTimeOffset? InferredAt { get; set; }

    /// <summary>When the DICOM results step ended (made, failed or timed out); null without DICOM output.</summary>
    public DateTimeOffset? DicomResultsAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The edge status of the outcome (<see cref="SeriesStatus"/>), null while running.</summary>
    public string? Status { get; set; }

    public string? Reason { get; set; }

    public SeriesPrediction? Prediction { get; set; }

    /// <summary>The completed attempt's series embedding (unit length) for similar-case search; null without one.</summary>
    public float[]? Embedding { get; set; }

    /// <summary>The heatmaps of the frames that decided the prediction (their PNGs in the store under the attempt's prefix).</summary>
    public List<InstanceHeatmap> Heatmaps { get; set; } = [];

    /// <summary>Per backend series id: how its last callback delivery went.</summary>
    public Dictionary<string, string> CallbackOutcomes { get; set; } = [];

    /// <summary>Backend series ids whose callback waits for a redelivery (Stage Callback, at DueAt).</summary>
    public List<string> PendingCallbacks { get; set; } = [];

    public int CallbackRedeliveries { get; set; }
}
