namespace MedPipeline.Models.Manifest;

/// <summary>A manifest the registry refuses: which file, which field, what is wrong.</summary>
public sealed class ModelManifestException(string file, string field, string problem)
    : Exception($"{file}: {field}: {problem}")
{
    public string File { get; } = file;

    public string Field { get; } = field;
}
