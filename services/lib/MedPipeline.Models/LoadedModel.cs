using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;

namespace MedPipeline.Models;

/// <summary>A validated manifest and its ONNX session, loaded once per process and shared by all runs.</summary>
public sealed class LoadedModel(ModelManifest manifest, InferenceSession session) : IDisposable
{
    public ModelManifest Manifest { get; } = manifest;

    public InferenceSession Session { get; } = session;

    /// <summary>Whether the model answers this modality and SOP class; anything else is not_supported.</summary>
    public bool Supports(string? modality, string? sopClassUid)
    {
        var supports = Manifest.Supports!;
        var modalityOk = modality is not null && supports.Modalities.Contains(modality, StringComparer.OrdinalIgnoreCase);
        var sopOk = supports.SopClassUids.Count == 0 || (sopClassUid is not null && supports.SopClassUids.Contains(sopClassUid));
        return modalityOk && sopOk;
    }

    public void Dispose() => Session.Dispose();
}
