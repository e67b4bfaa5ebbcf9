namespace MedPipeline.Dicom.Reports;

/// <summary>What the SR states about a series: the algorithm, and the classifier's or the anomaly model's answer.</summary>
public sealed record SeriesFinding
{
    public required string AlgorithmName { get; init; }

    public required string AlgorithmVersion { get; init; }

    public required string ModelSha256 { get; init; }

    public required string ModelType { get; init; }

    public string? PredictedClass { get; init; }

    public double? Probability { get; init; }

    public double? ReconstructionMse { get; init; }

    public bool? IsAnomaly { get; init; }

    public double? Threshold { get; init; }
}
