using System.Globalization;

namespace MedPipeline.Onnx.Tests;

public sealed class When_a_shipped_model_runs_its_golden_input
{
    private static IEnumerable<string> ShippedModels() => GoldenVectors.ShippedModels();

    [Test]
    public void The_three_demonstration_models_are_shipped() =>
        Assert.That(GoldenVectors.ShippedModels(), Is.SupersetOf(new[] { "ct-lesion-classifier", "digit-classifier", "xray-anomaly" }));

    [TestCaseSource(nameof(ShippedModels))]
    public void Every_output_equals_the_golden_vector(string modelType)
    {
        var golden = GoldenVectors.Load(modelType);
        using var session = InferenceSession.Open(golden.ModelPath);

        var results = session.Run([golden.Input], [.. golden.Outputs.Select(o => o.Name)]);

        Assert.That(results, Has.Count.EqualTo(golden.Outputs.Count));
        for (var i = 0; i < results.Count; i++)
        {
            var expected = golden.Outputs[i];
            Assert.That(results[i].Shape, Is.EqualTo(expected.Shape), expected.Name);
            var maxDifference = results[i].Data.Zip(expected.Data).Max(p => Math.Abs(p.First - p.Second));
            TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{modelType}/{expected.Name}: max abs diff {maxDifference:E2}"));
            Assert.That(maxDifference, Is.LessThanOrEqualTo(golden.Tolerance), expected.Name);
        }
    }
}
