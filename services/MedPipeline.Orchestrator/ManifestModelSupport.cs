using MedPipeline.Models;

namespace MedPipeline.Orchestrator;

/// <summary>Model support from the shipped manifests (the orchestrator never opens an ONNX session).</summary>
internal sealed class ManifestModelSupport(ModelManifests manifests) : IModelSupport
{
    public bool IsKnown(string modelType) => manifests.TryGet(modelType, out _);

    public bool Supports(string modelType, string? modality, IReadOnlyList<string> sopClassUids) =>
        manifests.Supports(modelType, modality, sopClassUids);
}
