using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;
using MedPipeline.Onnx;

namespace MedPipeline.Models.Tests;

/// <summary>
/// Models as hospitals export them: an autoencoder with only a `reconstruction` output and a classifier that
/// outputs logits. The manifest's postprocessing makes us compute the MSE and the softmax; the expected values
/// here come from the raw graph outputs, computed in double precision by the test itself.
/// </summary>
public sealed class When_a_model_needs_its_outputs_postprocessed
{
    private const int Rows = 5;

    [Test]
    public async Task The_reconstruction_MSE_is_computed_per_row_from_the_input_and_the_reconstruction()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.OwnAutoencoder(), "tiny-autoencoder/model.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("own-autoencoder", out var model);
        Assert.That(model.Manifest.Postprocessing.ReconstructionMse, Is.EqualTo(ReconstructionMseSource.FromReconstruction));
        var inputs = RandomRows(Rows * 256, seed: 3);
        var reconstruction = model.Session.Run([new NamedTensor("image", inputs.ToArray(), [Rows, 1, 16, 16])], ["reconstruction"]).Single().Data;

        var answers = await new BatchInference(1).RunAsync(model, inputs, Rows, threshold: 0.2, CancellationToken.None);

        Assert.That(answers, Has.Count.EqualTo(Rows));
        for (var i = 0; i < Rows; i++)
        {
            var expected = Enumerable.Range(i * 256, 256).Average(k => Math.Pow((double)inputs[k] - reconstruction[k], 2));
            var anomaly = answers[i].Anomaly!;
            Assert.That(expected, Is.GreaterThan(0.01), "the stand-in must not reconstruct random inputs well");
            Assert.That(anomaly.ReconstructionMse, Is.EqualTo(expected).Within(1e-3).Percent, $"row {i}");
            Assert.That(anomaly.IsAnomaly, Is.EqualTo(expected > 0.2));
            Assert.That(answers[i].Probabilities, Is.Null);
        }
    }

    [Test]
    public async Task Logits_become_probabilities_by_softmax_per_row()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.LogitsClassifier(), "tiny-logits/model.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("logits-classifier", out var model);
        var inputs = RandomRows(Rows * 4, seed: 4);
        var logits = model.Session.Run([new NamedTensor("image", inputs.ToArray(), [Rows, 1, 2, 2])]).Single().Data;

        var answers = await new BatchInference(1).RunAsync(model, inputs, Rows, threshold: null, CancellationToken.None);

        for (var i = 0; i < Rows; i++)
        {
            var row = logits.Skip(i * 3).Take(3).Select(v => (double)v).ToArray();
            var exponentials = row.Select(v => Math.Exp(v - row.Max())).ToArray();
            var expected = exponentials.Select(e => e / exponentials.Sum()).ToArray();
            var probabilities = answers[i].Probabilities!;
            Assert.That(probabilities.Sum(), Is.EqualTo(1).Within(1e-6), $"row {i}");
            Assert.That(probabilities, Is.EqualTo(expected).Within(1e-6), $"row {i}");
            Assert.That(answers[i].Classification!.PredictedClass, Is.EqualTo(new[] { "x", "y", "z" }[Array.IndexOf(expected, expected.Max())]));
        }

        Assert.That(logits.Max() - logits.Min(), Is.GreaterThan(2), "logits must not already look like probabilities");
    }

    [Test]
    public async Task A_model_without_postprocessing_still_answers_from_its_own_outputs()
    {
        using var folder = new ModelFolder();
        folder.Add(ModelFolder.Classifier(), "tiny-classifier.onnx");
        folder.Add(ModelFolder.Anomaly(), "tiny-anomaly.onnx");
        using var registry = ModelRegistry.Load(folder.Root);
        registry.TryGet("tiny-classifier", out var classifier);
        registry.TryGet("tiny-anomaly", out var anomaly);
        float[] image = [0.5f, 0.5f, 1.5f, 0.5f];

        var probabilities = (await new BatchInference(1).RunAsync(classifier, image.ToArray(), 1, null, CancellationToken.None)).Single().Probabilities!;
        var mse = (await new BatchInference(1).RunAsync(anomaly, image.ToArray(), 1, null, CancellationToken.None)).Single().Anomaly!;

        var e = Math.E;
        Assert.That(probabilities[2], Is.EqualTo(e / (3 + e)).Within(1e-6), "softmax is the graph's, applied once");
        Assert.That(mse.ReconstructionMse, Is.EqualTo(0.25).Within(1e-6));
    }

    private static float[] RandomRows(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => random.NextSingle())];
    }
}
