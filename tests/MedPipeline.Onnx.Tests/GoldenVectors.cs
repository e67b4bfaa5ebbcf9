using System.Runtime.InteropServices;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Onnx.Tests;

/// <summary>A shipped model's golden/golden.json: an input batch and the outputs training produced for it.</summary>
internal sealed record GoldenVectors(string ModelPath, NamedTensor Input, IReadOnlyList<TensorResult> Outputs, double Tolerance)
{
    /// <summary>Stands in for the model list when models/ holds no manifest, so the golden test fails instead of running zero cases.</summary>
    public const string NoModelShipped = "(no models/*/model.json)";

    public static IEnumerable<string> ShippedModels()
    {
        var shipped = Directory.Exists(RepositoryPaths.Models)
            ? Directory.GetDirectories(RepositoryPaths.Models)
                .Where(d => File.Exists(Path.Combine(d, "model.json")))
                .Select(Path.GetFileName)
                .OfType<string>()
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];
        return shipped.Count > 0 ? shipped : [NoModelShipped];
    }

    public static GoldenVectors Load(string modelType)
    {
        Assert.That(modelType, Is.Not.EqualTo(NoModelShipped),
            $"{RepositoryPaths.Models} holds no <modelType>/model.json: train and export the models (models/training/train.sh) first");
        var folder = Path.Combine(RepositoryPaths.Models, modelType);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "model.json")));
        var goldenPath = Path.Combine(folder, manifest.RootElement.GetProperty("golden").GetString()!);
        var goldenFolder = Path.GetDirectoryName(goldenPath)!;
        using var golden = JsonDocument.Parse(File.ReadAllText(goldenPath));
        var root = golden.RootElement;
        var input = root.GetProperty("input");
        var inputName = manifest.RootElement.GetProperty("input").GetProperty("name").GetString()!;
        var outputs = root.GetProperty("outputs").EnumerateObject()
            .Select(o => new TensorResult(o.Name, ReadFloats(goldenFolder, o.Value), Shape(o.Value)))
            .ToList();
        return new GoldenVectors(
            Path.Combine(folder, manifest.RootElement.GetProperty("file").GetString()!),
            new NamedTensor(inputName, ReadFloats(goldenFolder, input), Shape(input)),
            outputs,
            root.GetProperty("tolerance").GetDouble());
    }

    private static long[] Shape(JsonElement tensor) => [.. tensor.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64())];

    private static float[] ReadFloats(string folder, JsonElement tensor)
    {
        var bytes = File.ReadAllBytes(Path.Combine(folder, tensor.GetProperty("file").GetString()!));
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
