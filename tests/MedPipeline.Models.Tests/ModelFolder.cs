using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MedPipeline.Models.Tests;

/// <summary>A models folder in a temp directory with one valid tiny model per task, to break on purpose.</summary>
internal sealed class ModelFolder : IDisposable
{
    public ModelFolder() => Root = Directory.CreateTempSubdirectory("medpipe-models-").FullName;

    public string Root { get; }

    public string ManifestPath(string modelType) => Path.Combine(Root, modelType, "model.json");

    public static JsonObject Classifier(string modelType = "tiny-classifier") => new()
    {
        ["modelType"] = modelType,
        ["name"] = "Tiny classifier",
        ["version"] = "1.0.0",
        ["file"] = "model.onnx",
        ["task"] = "classification",
        ["input"] = new JsonObject { ["name"] = "image", ["shape"] = new JsonArray(-1, 1, 2, 2) },
        ["outputs"] = new JsonObject { ["probabilities"] = "probabilities" },
        ["preprocessing"] = Preprocessing(),
        ["labels"] = new JsonArray("a", "b", "c", "d"),
        ["aggregation"] = new JsonObject { ["rule"] = "mean" },
        ["supports"] = new JsonObject { ["modalities"] = new JsonArray("CT"), ["sopClassUids"] = new JsonArray("1.2.840.10008.5.1.4.1.1.2") },
    };

    public static JsonObject Anomaly(string modelType = "tiny-anomaly") => new()
    {
        ["modelType"] = modelType,
        ["name"] = "Tiny anomaly",
        ["version"] = "2.0.0",
        ["file"] = "model.onnx",
        ["task"] = "anomaly",
        ["input"] = new JsonObject { ["name"] = "image", ["shape"] = new JsonArray(-1, 1, 2, 2) },
        ["outputs"] = new JsonObject { ["reconstructionMse"] = "reconstruction_mse" },
        ["preprocessing"] = Preprocessing(),
        ["threshold"] = 0.1,
        ["aggregation"] = new JsonObject { ["rule"] = "max-mse" },
        ["supports"] = new JsonObject { ["modalities"] = new JsonArray("CR", "DX"), ["sopClassUids"] = new JsonArray() },
    };

    /// <summary>An autoencoder as a hospital exports it: one `reconstruction` output, the MSE computed by us.</summary>
    public static JsonObject OwnAutoencoder(string modelType = "own-autoencoder")
    {
        var manifest = Anomaly(modelType);
        manifest["input"] = new JsonObject { ["name"] = "image", ["shape"] = new JsonArray(-1, 1, 16, 16) };
        manifest["outputs"] = new JsonObject { ["reconstruction"] = "reconstruction" };
        manifest["postprocessing"] = new JsonObject { ["reconstructionMse"] = "fromReconstruction" };
        manifest["preprocessing"] = Preprocessing(16);
        return manifest;
    }

    /// <summary>A classifier whose output holds logits; we apply softmax.</summary>
    public static JsonObject LogitsClassifier(string modelType = "logits-classifier")
    {
        var manifest = Classifier(modelType);
        manifest["outputs"] = new JsonObject { ["probabilities"] = "logits" };
        manifest["postprocessing"] = new JsonObject { ["probabilities"] = "softmax" };
        manifest["labels"] = new JsonArray("x", "y", "z");
        return manifest;
    }

    /// <summary>Writes a model folder; the sha256 is computed unless the manifest already has one.</summary>
    public void Add(JsonObject manifest, string onnxFile, string? folderName = null)
    {
        var folder = Path.Combine(Root, folderName ?? (string)manifest["modelType"]!);
        Directory.CreateDirectory(folder);
        var model = Path.Combine(folder, "model.onnx");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "TestModels", onnxFile), model, overwrite: true);
        manifest["sha256"] ??= Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(model)));
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private static JsonObject Preprocessing(int size = 2) => new()
    {
        ["targetWidth"] = size,
        ["targetHeight"] = size,
        ["resize"] = "area",
        ["windowing"] = new JsonObject { ["rule"] = "minmax" },
        ["channels"] = "gray",
        ["normalization"] = new JsonObject { ["kind"] = "range", ["min"] = 0, ["max"] = 1 },
    };
}
