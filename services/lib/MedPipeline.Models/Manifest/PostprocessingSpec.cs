namespace MedPipeline.Models.Manifest;

/// <summary>
/// How the graph's outputs become answers when the graph does not compute them itself, as with a model a
/// hospital exports straight from training (models/MANIFEST.md, "postprocessing").
/// </summary>
public sealed record PostprocessingSpec
{
    /// <summary>Classification: whether outputs.probabilities already holds probabilities or holds logits.</summary>
    public ProbabilitiesSource Probabilities { get; init; } = ProbabilitiesSource.FromOutput;

    /// <summary>Anomaly: whether the graph outputs the per-image MSE or we compute it from outputs.reconstruction.</summary>
    public ReconstructionMseSource ReconstructionMse { get; init; } = ReconstructionMseSource.FromOutput;
}
