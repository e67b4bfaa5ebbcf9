using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;

namespace MedPipeline.ModelRunner;

/// <summary>
/// Model outputs to one answer per row, by the manifest's task, output names and postprocessing
/// (models/MANIFEST.md).
/// </summary>
internal static class ModelOutputMapping
{
    /// <summary>The outputs a run must ask for: the reconstructed image only when we compute the MSE from it.</summary>
    public static string[] WantedOutputs(ModelManifest manifest) =>
        [.. manifest.Outputs.Where(o => o.Key != "reconstruction" || ComputesMse(manifest)).Select(o => o.Value)];

    /// <summary>Answers <paramref name="rows"/> rows; <paramref name="inputs"/> are the rows the model ran on.</summary>
    public static InstanceAnswer[] Answers(ModelManifest manifest, ReadOnlySpan<float> inputs, IReadOnlyList<TensorResult> outputs, int rows,
        double threshold)
    {
        var answers = new InstanceAnswer[rows];
        if (manifest.Task == ModelTask.Classification)
        {
            var probabilities = Output(outputs, manifest, "probabilities");
            var classes = manifest.Labels!.Count;
            var softmax = manifest.Postprocessing.Probabilities == ProbabilitiesSource.Softmax;
            for (var i = 0; i < rows; i++)
            {
                var values = probabilities.AsSpan(i * classes, classes);
                var row = softmax ? OutputPostprocessing.Softmax(values) : values.ToArray();
                answers[i] = new InstanceAnswer(row, SeriesAggregation.Classify(manifest.Labels, row), null);
            }
        }
        else if (ComputesMse(manifest))
        {
            var reconstruction = Output(outputs, manifest, "reconstruction");
            var length = inputs.Length / rows;
            for (var i = 0; i < rows; i++)
            {
                var mse = OutputPostprocessing.MeanSquaredError(inputs.Slice(i * length, length), reconstruction.AsSpan(i * length, length));
                answers[i] = new InstanceAnswer(null, null, SeriesAggregation.Anomaly(mse, threshold));
            }
        }
        else
        {
            var mse = Output(outputs, manifest, "reconstructionMse");
            for (var i = 0; i < rows; i++)
            {
                answers[i] = new InstanceAnswer(null, null, SeriesAggregation.Anomaly(mse[i], threshold));
            }
        }

        return WithEmbeddings(manifest, outputs, answers);
    }

    private static InstanceAnswer[] WithEmbeddings(ModelManifest manifest, IReadOnlyList<TensorResult> outputs, InstanceAnswer[] answers)
    {
        if (!manifest.Outputs.ContainsKey("embedding"))
        {
            return answers;
        }

        var embedding = Output(outputs, manifest, "embedding");
        var width = embedding.Length / answers.Length;
        for (var i = 0; i < answers.Length; i++)
        {
            answers[i] = answers[i] with { Embedding = embedding.AsSpan(i * width, width).ToArray() };
        }

        return answers;
    }

    private static bool ComputesMse(ModelManifest manifest) =>
        manifest.Task == ModelTask.Anomaly && manifest.Postprocessing.ReconstructionMse == ReconstructionMseSource.FromReconstruction;

    private static float[] Output(IReadOnlyList<TensorResult> outputs, ModelManifest manifest, string role) =>
        outputs.Single(o => o.Name == manifest.Outputs[role]).Data;
}
