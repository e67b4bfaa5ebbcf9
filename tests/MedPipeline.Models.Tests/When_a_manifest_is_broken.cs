using System.Text.Json.Nodes;
using MedPipeline.Models.Manifest;

namespace MedPipeline.Models.Tests;

public sealed class When_a_manifest_is_broken
{
    private static IEnumerable<TestCaseData> Breakages()
    {
        TestCaseData Case(string name, Action<JsonObject> breakIt, string field, string words) =>
            new TestCaseData(breakIt, field, words).SetName(name);

        yield return Case("Wrong_sha256", m => m["sha256"] = new string('a', 64), "sha256", "expected aaaa");
        yield return Case("Missing_model_file", m => m["file"] = "missing.onnx", "file", "'missing.onnx' does not exist");
        yield return Case("Input_name_mismatch", m => m["input"]!["name"] = "pixels", "input.name", "'pixels' is not an input of the model");
        yield return Case("Input_shape_mismatch", m =>
        {
            m["input"]!["shape"] = new JsonArray(-1, 1, 3, 3);
            m["preprocessing"]!["targetWidth"] = 3;
            m["preprocessing"]!["targetHeight"] = 3;
        }, "input.shape", "differs from the model's input");
        yield return Case("Shape_and_target_size_disagree", m => m["preprocessing"]!["targetWidth"] = 4, "input.shape", "differs from preprocessing target");
        yield return Case("Unknown_task", m => m["task"] = "segmentation", "task", "line 1");
        yield return Case("Labels_count_mismatch", m => m["labels"] = new JsonArray("a", "b", "c"), "labels", "3 labels but the output");
        yield return Case("Duplicate_labels", m => m["labels"] = new JsonArray("a", "a", "c", "d"), "labels", "distinct");
        yield return Case("Unknown_aggregation_rule", m => m["aggregation"]!["rule"] = "vote", "aggregation.rule", "line 1");
        yield return Case("Anomaly_rule_on_a_classifier", m => m["aggregation"]!["rule"] = "max-mse", "aggregation.rule", "\"mean\" or \"max-positive\"");
        yield return Case("Max_positive_on_four_classes", m => m["aggregation"] = new JsonObject { ["rule"] = "max-positive", ["positiveLabel"] = "a" }, "aggregation.positiveLabel", "two labels");
        yield return Case("Fixed_window_without_width", m => m["preprocessing"]!["windowing"] = new JsonObject { ["rule"] = "fixed", ["center"] = 40 }, "preprocessing.windowing", "center and width");
        yield return Case("Unknown_field", m => m["lables"] = new JsonArray("x"), "lables", "line 1");
        yield return Case("No_modalities", m => m["supports"]!["modalities"] = new JsonArray(), "supports.modalities", "at least one");
        yield return Case("Model_type_not_the_folder_name", m => m["modelType"] = "other", "modelType", "must equal the folder name");
    }

    [TestCaseSource(nameof(Breakages))]
    public void The_registry_refuses_to_start_naming_the_file_and_field(Action<JsonObject> breakIt, string field, string words)
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.Classifier();
        breakIt(manifest);
        folder.Add(manifest, "tiny-classifier.onnx", folderName: "tiny-classifier");

        var error = Assert.Throws<ModelManifestException>(() => ModelRegistry.Load(folder.Root));

        Assert.That(error!.File, Is.EqualTo(folder.ManifestPath("tiny-classifier")));
        Assert.That(error.Field, Is.EqualTo(field));
        Assert.That(error.Message, Does.Contain(words));
    }

    [Test]
    public void An_anomaly_model_without_a_threshold_is_refused()
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.Anomaly();
        manifest.Remove("threshold");
        folder.Add(manifest, "tiny-anomaly.onnx");

        var error = Assert.Throws<ModelManifestException>(() => ModelRegistry.Load(folder.Root));

        Assert.That(error!.Field, Is.EqualTo("threshold"));
    }

    [Test]
    public void Malformed_JSON_is_refused_with_its_line_and_position()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Classifier(), "tiny-classifier.onnx");
        File.WriteAllText(folder.ManifestPath("tiny-classifier"), "{\n  \"modelType\": \"tiny-classifier\",\n  \"name\": oops\n}");

        var error = Assert.Throws<ModelManifestException>(() => ModelRegistry.Load(folder.Root));

        Assert.That(error!.Message, Does.Contain("line 3, position"));
    }

    [Test]
    public void An_empty_models_folder_is_refused()
    {
        using var folder = new ModelFolder();

        var error = Assert.Throws<ModelManifestException>(() => ModelRegistry.Load(folder.Root));

        Assert.That(error!.Message, Does.Contain("no model folder with a model.json"));
    }

    [Test]
    public void A_corrupt_ONNX_file_with_a_matching_sha256_is_refused()
    {
        using var folder = new ModelFolder();
        var manifest = ModelFolder.Classifier();
        folder.Add(manifest, "tiny-classifier.onnx");
        var model = Path.Combine(folder.Root, "tiny-classifier", "model.onnx");
        File.WriteAllBytes(model, [1, 2, 3, 4, 5]);
        manifest["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(model)));
        File.WriteAllText(folder.ManifestPath("tiny-classifier"), manifest.ToJsonString());

        var error = Assert.Throws<ModelManifestException>(() => ModelRegistry.Load(folder.Root));

        Assert.That(error!.Field, Is.EqualTo("file"));
        Assert.That(error.Message, Does.Contain("ONNX Runtime cannot load"));
    }
}
