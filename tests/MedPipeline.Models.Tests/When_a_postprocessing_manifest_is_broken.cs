using System.Text.Json.Nodes;
using MedPipeline.Models.Manifest;

namespace MedPipeline.Models.Tests;

public sealed class When_a_postprocessing_manifest_is_broken
{
    private static IEnumerable<TestCaseData> Breakages()
    {
        TestCaseData Case(string name, Func<JsonObject> manifest, string onnx, string field, string words) =>
            new TestCaseData(manifest, onnx, field, words).SetName(name);

        yield return Case("From_reconstruction_without_a_reconstruction_output", () => Without(ModelFolder.OwnAutoencoder(), "outputs", "reconstruction"),
            "tiny-autoencoder/model.onnx", "outputs.reconstruction", "fromReconstruction");
        yield return Case("From_reconstruction_and_a_graph_MSE_too", () => With(ModelFolder.OwnAutoencoder(), "outputs", "reconstructionMse", "reconstruction"),
            "tiny-autoencoder/model.onnx", "outputs.reconstructionMse", "must be absent");
        yield return Case("Reconstruction_output_not_the_input_shape", () =>
        {
            // tiny-anomaly's one output is the [batch] MSE: named as the reconstruction, it cannot be one.
            var m = ModelFolder.OwnAutoencoder();
            m["outputs"] = new JsonObject { ["reconstruction"] = "reconstruction_mse" };
            m["input"]!["shape"] = new JsonArray(-1, 1, 2, 2);
            m["preprocessing"]!["targetWidth"] = 2;
            m["preprocessing"]!["targetHeight"] = 2;
            return m;
        }, "tiny-anomaly.onnx", "outputs.reconstruction", "must have the input's shape");
        yield return Case("Softmax_on_an_anomaly_model", () => With(ModelFolder.OwnAutoencoder(), "postprocessing", "probabilities", "softmax"),
            "tiny-autoencoder/model.onnx", "postprocessing.probabilities", "classifiers only");
        yield return Case("From_reconstruction_on_a_classifier", () => With(ModelFolder.LogitsClassifier(), "postprocessing", "reconstructionMse", "fromReconstruction"),
            "tiny-logits/model.onnx", "postprocessing.reconstructionMse", "anomaly models only");
        yield return Case("Unknown_probabilities_postprocessing", () => With(ModelFolder.LogitsClassifier(), "postprocessing", "probabilities", "sigmoid"),
            "tiny-logits/model.onnx", "postprocessing.probabilities", "line 1");
        yield return Case("Postprocessing_null", () => Null(ModelFolder.LogitsClassifier(), "postprocessing"),
            "tiny-logits/model.onnx", "postprocessing", "must be an object");
        yield return Case("Embedding_not_one_vector_per_image", () => With(ModelFolder.OwnAutoencoder(), "outputs", "embedding", "reconstruction"),
            "tiny-autoencoder/model.onnx", "outputs.embedding", "[batch, D]");
        yield return Case("Embedding_not_an_output", () => With(ModelFolder.LogitsClassifier(), "outputs", "embedding", "penultimate"),
            "tiny-logits/model.onnx", "outputs.embedding", "not an output");
        yield return Case("Graph_MSE_missing_without_postprocessing", () => Without(ModelFolder.OwnAutoencoder(), "postprocessing", "reconstructionMse"),
            "tiny-autoencoder/model.onnx", "outputs.reconstructionMse", "fromReconstruction");
    }

    [TestCaseSource(nameof(Breakages))]
    public void The_registry_refuses_to_start_naming_the_file_and_field(Func<JsonObject> manifest, string onnx, string field, string words)
    {
        using var folder = new ModelFolder();
        var broken = manifest();
        folder.Add(broken, onnx);

        var error = Assert.Throws<ModelManifestException>(() => ModelRegistry.Load(folder.Root));

        Assert.That(error!.File, Is.EqualTo(folder.ManifestPath((string)broken["modelType"]!)));
        Assert.That(error.Field, Is.EqualTo(field));
        Assert.That(error.Message, Does.Contain(words));
    }

    private static JsonObject With(JsonObject manifest, string section, string key, JsonNode value)
    {
        manifest[section]![key] = value;
        return manifest;
    }

    private static JsonObject Null(JsonObject manifest, string key)
    {
        manifest[key] = null;
        return manifest;
    }

    private static JsonObject Without(JsonObject manifest, string section, string key)
    {
        manifest[section]!.AsObject().Remove(key);
        return manifest;
    }
}
