using MedPipeline.Models.Manifest;

namespace MedPipeline.Models;

/// <summary>
/// The validated manifests of a models folder without opening any ONNX session: what the
/// orchestrator needs to decide whether a model supports a series, at a fraction of the memory.
/// </summary>
public sealed class ModelManifests
{
    private readonly Dictionary<string, ModelManifest> _manifests;

    private ModelManifests(Dictionary<string, ModelManifest> manifests) => _manifests = manifests;

    public IReadOnlyCollection<string> ModelTypes => _manifests.Keys;

    public static ModelManifests Read(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new ModelManifestException(folder, "Models:Path", "the models folder does not exist");
        }

        var manifests = new Dictionary<string, ModelManifest>(StringComparer.Ordinal);
        foreach (var file in Directory.GetDirectories(folder).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "model.json")).Where(File.Exists))
        {
            var manifest = ManifestReader.Read(file);
            ManifestValidator.Validate(manifest, file);
            manifests.Add(manifest.ModelType, manifest);
        }

        return manifests.Count == 0
            ? throw new ModelManifestException(folder, "Models:Path", "no model folder with a model.json was found")
            : new ModelManifests(manifests);
    }

    public bool TryGet(string modelType, out ModelManifest manifest) => _manifests.TryGetValue(modelType, out manifest!);

    /// <summary>Whether <paramref name="modelType"/> answers this modality and every SOP class of the series.</summary>
    public bool Supports(string modelType, string? modality, IReadOnlyList<string> sopClassUids)
    {
        if (!TryGet(modelType, out var manifest) || manifest.Supports is not { } supports)
        {
            return false;
        }

        return modality is not null
            && supports.Modalities.Contains(modality, StringComparer.OrdinalIgnoreCase)
            && sopClassUids.Count > 0
            && sopClassUids.All(uid => supports.SopClassUids.Contains(uid, StringComparer.Ordinal));
    }
}
