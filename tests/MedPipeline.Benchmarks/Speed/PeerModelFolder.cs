using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// A models folder holding only the peer's own ae.onnx, registered as a hospital would register its own
/// autoencoder: the manifest says we compute the MSE from the `reconstruction` output, with the peer's
/// preprocessing (min-max, bilinear to 256², range 0..1, no inversion).
/// </summary>
internal static class PeerModelFolder
{
    public const string ModelType = "peer-autoencoder";

    public static string Create(string root, string peerFolder)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root, "models", ModelType)).FullName;
        var onnx = Path.Combine(folder, "ae.onnx");
        File.Copy(Path.Combine(peerFolder, "ae.onnx"), onnx);
        var manifest = new JsonObject
        {
            ["modelType"] = ModelType, ["name"] = "seed-003 autoencoder (the peer's own file)", ["version"] = "1.0.0",
            ["file"] = "ae.onnx", ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(onnx))),
            ["task"] = "anomaly",
            ["input"] = new JsonObject { ["name"] = "image", ["shape"] = new JsonArray(-1, 1, 256, 256) },
            ["outputs"] = new JsonObject { ["reconstruction"] = "reconstruction" },
            ["postprocessing"] = new JsonObject { ["reconstructionMse"] = "fromReconstruction" },
            ["preprocessing"] = new JsonObject
            {
                ["targetWidth"] = 256, ["targetHeight"] = 256, ["resize"] = "bilinear", ["windowing"] = new JsonObject { ["rule"] = "minmax" },
                ["channels"] = "gray", ["invertMonochrome1"] = false, ["normalization"] = new JsonObject { ["kind"] = "range", ["min"] = 0, ["max"] = 1 },
            },
            ["threshold"] = 0.05,
            ["aggregation"] = new JsonObject { ["rule"] = "max-mse" },
            ["supports"] = new JsonObject { ["modalities"] = new JsonArray("CT", "CR", "DX", "MR"), ["sopClassUids"] = new JsonArray() },
        };
        File.WriteAllText(Path.Combine(folder, "model.json"), manifest.ToJsonString());
        return Path.GetDirectoryName(folder)!;
    }
}
