namespace MedPipeline.Contracts;

/// <summary>The series result with its provenance; classifier or anomaly fields are filled by task.</summary>
public sealed record SeriesPrediction
{
    public ModelInfo Model { get; init; } = new();

    public string Task { get; init; } = "";

    public int InstanceCount { get; init; }

    public string? PredictedClass { get; init; }

    public double? Probability { get; init; }

    public IReadOnlyDictionary<string, double>? ClassProbabilities { get; init; }

    public double? ReconstructionMse { get; init; }

    public bool? IsAnomaly { get; init; }

    public double? Threshold { get; init; }

    public IReadOnlyList<InstancePrediction> Instances { get; init; } = [];

    /// <summary>How the frames were prepared for the model; null from producers older than this member.</summary>
    public SeriesPreprocessingInfo? Preprocessing { get; init; }

    /// <summary>The DICOM results (SR, heatmap images) and their exports, for organizations with DICOM output; null otherwise.</summary>
    public DicomResults? DicomResults { get; init; }

    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
}
