namespace MedPipeline.Orchestrator;

/// <summary>What the saga asks about models (backed by the model registry in the host).</summary>
public interface IModelSupport
{
    bool IsKnown(string modelType);

    /// <summary>Whether the model answers this modality and every SOP class of the series.</summary>
    bool Supports(string modelType, string? modality, IReadOnlyList<string> sopClassUids);
}
