using MedPipeline.Dicom;
using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;
using MedPipeline.ModelInput;
using MedPipeline.Testing;

namespace MedPipeline.Models.Tests;

/// <summary>
/// Held-out samples, wrapped into DICOM, read by our reader, preprocessed by our preprocessing and
/// run by our binding, must get the answer training measured in Python: the two preprocessings agree.
/// </summary>
public sealed class When_the_shipped_samples_go_through_the_CSharp_pipeline
{
    private static ModelRegistry? _registry;

    private static IEnumerable<TestCaseData> Samples() => ShippedSample.All().Select(s => new TestCaseData(s).SetArgDisplayNames(s.ToString()));

    [OneTimeSetUp]
    public void LoadModels() => _registry = ModelRegistry.Load(RepositoryPaths.Models);

    [OneTimeTearDown]
    public void UnloadModels() => _registry?.Dispose();

    [Test]
    public void Every_model_ships_samples() =>
        Assert.That(ShippedSample.All().Select(s => s.ModelType).Distinct(), Is.EquivalentTo(_registry!.ModelTypes));

    [TestCaseSource(nameof(Samples))]
    public async Task The_sample_gets_the_answer_training_measured(ShippedSample sample)
    {
        _registry!.TryGet(sample.ModelType, out var model);
        var manifest = model.Manifest;
        var frame = (await DicomFile.Read(sample.ToDicom(), sample.Name).DecodeFramesAsync()).Single();
        var input = new float[ImagePreprocessor.TensorLength(manifest.Preprocessing!)];
        ImagePreprocessor.Preprocess(frame, manifest.Preprocessing!, input);
        frame.Dispose();
        var shape = manifest.Input!.Shape.Select((d, i) => i == 0 ? 1 : d).ToArray();

        var outputs = model.Session.Run([new NamedTensor(manifest.Input.Name, input, shape)]);

        if (manifest.Task == ModelTask.Classification)
        {
            var probabilities = outputs.Single(o => o.Name == manifest.Outputs["probabilities"]).Data;
            Assert.That(SeriesAggregation.Classify(manifest.Labels!, probabilities).PredictedClass, Is.EqualTo(sample.Label));
        }
        else
        {
            var mse = outputs.Single(o => o.Name == manifest.Outputs["reconstructionMse"]).Data[0];
            Assert.That(mse, Is.EqualTo(sample.Entry.GetProperty("reconstructionMse").GetDouble()).Within(2).Percent, "C# and training preprocessing disagree");
            Assert.That(SeriesAggregation.Anomaly(mse, manifest.Threshold!.Value).IsAnomaly, Is.EqualTo(sample.Label == "anomaly"));
        }
    }
}
