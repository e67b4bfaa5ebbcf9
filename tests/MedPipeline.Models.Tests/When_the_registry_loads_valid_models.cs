using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;
using MedPipeline.ModelInput;
using MedPipeline.Testing;

namespace MedPipeline.Models.Tests;

public sealed class When_the_registry_loads_valid_models
{
    [Test]
    public void Both_tasks_load_with_their_manifests_and_a_working_session()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Classifier(), "tiny-classifier.onnx");
        folder.Add(ModelFolder.Anomaly(), "tiny-anomaly.onnx");

        using var registry = ModelRegistry.Load(folder.Root);

        Assert.That(registry.ModelTypes, Is.EquivalentTo(new[] { "tiny-classifier", "tiny-anomaly" }));
        Assert.That(registry.TryGet("tiny-anomaly", out var anomaly), Is.True);
        Assert.That(anomaly.Manifest.Task, Is.EqualTo(ModelTask.Anomaly));
        Assert.That(anomaly.Manifest.Preprocessing!.Windowing.Rule, Is.EqualTo(WindowingRule.MinMax));
        var mse = anomaly.Session.Run([new NamedTensor("image", new float[] { 0.5f, 0.5f, 1.5f, 0.5f }, [1, 1, 2, 2])]).Single();
        Assert.That(mse.Data[0], Is.EqualTo(0.25f).Within(1e-6));
        Assert.That(registry.TryGet("nope", out _), Is.False);
    }

    [TestCase("CR", "1.2.3", true)]
    [TestCase("dx", null, true)]
    [TestCase("CT", "1.2.3", false)]
    [TestCase(null, null, false)]
    public void Support_is_decided_by_modality_and_SOP_class(string? modality, string? sopClass, bool supported)
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Anomaly(), "tiny-anomaly.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("tiny-anomaly", out var model);

        Assert.That(model.Supports(modality, sopClass), Is.EqualTo(supported));
    }

    [Test]
    public void A_classifier_with_SOP_classes_listed_refuses_other_SOP_classes()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Classifier(), "tiny-classifier.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("tiny-classifier", out var model);

        Assert.That(model.Supports("CT", "1.2.840.10008.5.1.4.1.1.2"), Is.True);
        Assert.That(model.Supports("CT", "1.2.840.10008.5.1.4.1.1.88.11"), Is.False);
    }

    [Test]
    public void The_shipped_models_folder_loads()
    {
        using var registry = ModelRegistry.Load(RepositoryPaths.Models);

        Assert.That(registry.ModelTypes, Is.SupersetOf(new[] { "ct-lesion-classifier", "digit-classifier", "xray-anomaly" }));
    }
}
