using System.Numerics.Tensors;

namespace MedPipeline.ModelRunner;

/// <summary>
/// What a manifest's "postprocessing" asks us to compute from raw outputs (models/MANIFEST.md), one row at a
/// time and vectorised, for models that leave it out of the graph as exported from training.
/// </summary>
internal static class OutputPostprocessing
{
    /// <summary>Softmax of one row of logits into a new array of probabilities.</summary>
    public static float[] Softmax(ReadOnlySpan<float> logits)
    {
        var probabilities = new float[logits.Length];
        TensorPrimitives.SoftMax(logits, probabilities);
        return probabilities;
    }

    /// <summary>Mean of the squared differences between one input row and its reconstruction.</summary>
    public static float MeanSquaredError(ReadOnlySpan<float> input, ReadOnlySpan<float> reconstruction)
    {
        if (input.Length != reconstruction.Length || input.IsEmpty)
        {
            throw new ArgumentException($"the reconstruction has {reconstruction.Length} values; the input row has {input.Length}", nameof(reconstruction));
        }

        // The Euclidean distance is the vectorised sum of squared differences without a scratch buffer; squaring
        // its square root costs one rounding, far below the MSE thresholds models are calibrated to.
        var distance = TensorPrimitives.Distance(input, reconstruction);
        return distance * distance / input.Length;
    }
}
