using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>How the fake workers answer in one test.</summary>
public sealed class Scenario
{
    public string Modality { get; set; } = "CT";

    public int ImageInstances { get; set; } = 3;

    public RejectionKind? Rejection { get; set; }

    public string? FailingStage { get; set; }

    public string? ThrowingStage { get; set; }

    /// <summary>The start time the unpacker's answer carries (null: an older Unpacker that sends none).</summary>
    public DateTimeOffset? UnpackStartedAt { get; set; }

    /// <summary>When set, the unpacker says it started, then waits for it before answering.</summary>
    public TaskCompletionSource? HoldUnpack { get; set; }

    /// <summary>When set, the inference worker waits for it (to test superseded attempts).</summary>
    public TaskCompletionSource? HoldInference { get; set; }

    /// <summary>Whether the organization has DICOM output (the saga then asks the results worker before completing).</summary>
    public bool DicomOutput { get; set; }

    /// <summary>How the fake results worker answers: "built", "throw", or "silent" (never answers).</summary>
    public string DicomResultsAnswer { get; set; } = "built";

    /// <summary>The heatmaps the fake inference worker reports.</summary>
    public IReadOnlyList<InstanceHeatmap> Heatmaps { get; set; } = [];

    public SeriesPrediction Prediction { get; set; } = new()
    {
        Model = new ModelInfo { ModelType = "ct-lesion-classifier", Name = "CT lesion classifier", Version = "1.0.0", Sha256 = "abc" },
        Task = "classification",
        InstanceCount = 3,
        PredictedClass = "lesion",
        Probability = 0.93,
    };
}
