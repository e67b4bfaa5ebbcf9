namespace MedPipeline.Gateway.Uploads;

/// <summary>The model types requests may name (backed by the model registry).</summary>
public interface IModelCatalog
{
    IReadOnlyCollection<string> ModelTypes { get; }
}
