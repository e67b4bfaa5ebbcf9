using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;

namespace MedPipeline.Models;

/// <summary>
/// Every model under the models folder (one sub-folder each, with a model.json), validated in full
/// at start: a bad manifest stops the service with a message naming the file and the field.
/// </summary>
public sealed class ModelRegistry : IDisposable
{
    private readonly Dictionary<string, LoadedModel> _models;

    private ModelRegistry(Dictionary<string, LoadedModel> models) => _models = models;

    public IReadOnlyCollection<LoadedModel> Models => _models.Values;

    public IReadOnlyCollection<string> ModelTypes => _models.Keys;

    public static ModelRegistry Load(string folder, SessionSettings? settings = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new ModelManifestException(folder, "Models:Path", "the models folder does not exist");
        }

        var manifests = Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "model.json")).Where(File.Exists).ToList();
        if (manifests.Count == 0)
        {
            throw new ModelManifestException(folder, "Models:Path", "no model folder with a model.json was found");
        }

        var models = new Dictionary<string, LoadedModel>(StringComparer.Ordinal);
        try
        {
            foreach (var file in manifests)
            {
                // modelType equals its folder name (checked), so model types are unique by construction.
                var loaded = LoadOne(file, settings);
                models.Add(loaded.Manifest.ModelType, loaded);
            }
        }
        catch
        {
            foreach (var model in models.Values)
            {
                model.Dispose();
            }

            throw;
        }

        return new ModelRegistry(models);
    }

    public bool TryGet(string modelType, out LoadedModel model) => _models.TryGetValue(modelType, out model!);

    public void Dispose()
    {
        foreach (var model in _models.Values)
        {
            model.Dispose();
        }
    }

    private static LoadedModel LoadOne(string file, SessionSettings? settings)
    {
        var manifest = ManifestReader.Read(file);
        ManifestValidator.Validate(manifest, file);
        InferenceSession session;
        try
        {
            session = InferenceSession.Open(manifest.ModelPath, settings);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelManifestException(file, "file", $"ONNX Runtime cannot load '{manifest.File}': {e.Message}");
        }

        try
        {
            SessionShapeCheck.Check(manifest, session, file);
            return new LoadedModel(manifest, session);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }
}
