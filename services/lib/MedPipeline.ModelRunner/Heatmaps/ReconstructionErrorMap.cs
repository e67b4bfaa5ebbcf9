using System.Numerics.Tensors;

namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>Where an autoencoder failed to reconstruct its input: the squared error per pixel, averaged over channels.</summary>
public static class ReconstructionErrorMap
{
    /// <summary>One C×H×W input row and its reconstruction to an H×W map (<paramref name="pixels"/> = H×W).</summary>
    public static float[] Compute(ReadOnlySpan<float> input, ReadOnlySpan<float> reconstruction, int channels, int pixels)
    {
        if (input.Length != channels * pixels || reconstruction.Length != input.Length)
        {
            throw new ArgumentException($"the input has {input.Length} values and the reconstruction {reconstruction.Length}; {channels}×{pixels} expected", nameof(reconstruction));
        }

        var map = new float[pixels];
        var difference = new float[pixels];
        for (var c = 0; c < channels; c++)
        {
            var plane = c * pixels;
            TensorPrimitives.Subtract(input.Slice(plane, pixels), reconstruction.Slice(plane, pixels), difference);
            TensorPrimitives.MultiplyAdd(difference, difference, map, map);
        }

        if (channels > 1)
        {
            TensorPrimitives.Divide(map, channels, map);
        }

        return map;
    }
}
