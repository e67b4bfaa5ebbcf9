namespace MedPipeline.Contracts;

/// <summary>The answer for one frame of one instance.</summary>
public sealed record InstancePrediction
{
    public string SopInstanceUid { get; init; } = "";

    public int? InstanceNumber { get; init; }

    public int Frame { get; init; } = 1;

    public string? PredictedClass { get; init; }

    public double? Probability { get; init; }

    public double? ReconstructionMse { get; init; }

    public bool? IsAnomaly { get; init; }
}
