using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;

namespace MedPipeline.ModelRunner;

/// <summary>Model outputs to one answer per row, by the manifest's task and output names (models/MANIFEST.md).</summary>
internal static class ModelOutputMapping
{
    /// <summary>The outputs a run must ask for: everything but the reconstructed image, which no answer uses.</summary>
    public static string[] WantedOutputs(ModelManifest manifest) => [.. manifest.Outputs.Where(o => o.Key != "reconstruction").Select(o => o.Value)];

    public static InstanceAnswer[] Answers(ModelManifest manifest, IReadOnlyList<TensorResult> outputs, int rows, double threshold)
    {
        var answers = new InstanceAnswer[rows];
        if (manifest.Task == ModelTask.Classification)
        {
            var probabilities = outputs.Single(o => o.Name == manifest.Outputs["probabilities"]).Data;
            var classes = manifest.Labels!.Count;
            for (var i = 0; i < rows; i++)
            {
                var row = probabilities.AsSpan(i * classes, classes).ToArray();
                answers[i] = new InstanceAnswer(row, SeriesAggregation.Classify(manifest.Labels, row), null);
            }
        }
        else
        {
            var mse = outputs.Single(o => o.Name == manifest.Outputs["reconstructionMse"]).Data;
            for (var i = 0; i < rows; i++)
            {
                answers[i] = new InstanceAnswer(null, null, SeriesAggregation.Anomaly(mse[i], threshold));
            }
        }

        return answers;
    }
}
