using System.Buffers;
using System.Numerics.Tensors;

namespace MedPipeline.ModelInput;

/// <summary>
/// Separable resampling of one plane: columns through the vertical kernel, then rows through the horizontal one.
/// Columns go first because an output row is then a weighted sum of whole source rows, which vectorises
/// (<see cref="TensorPrimitives"/>), and the scalar horizontal pass runs on the target's rows only.
/// </summary>
internal static class Resampler
{
    public static void Resize(ReadOnlySpan<float> source, int width, int height, ResizeKernel horizontal, ResizeKernel vertical, int targetWidth, Span<float> destination)
    {
        var targetHeight = vertical.Starts.Length;
        var rented = ArrayPool<float>.Shared.Rent(targetHeight * width);
        try
        {
            var rows = rented.AsSpan(0, targetHeight * width);
            for (var y = 0; y < targetHeight; y++)
            {
                var row = rows.Slice(y * width, width);
                var start = vertical.Starts[y];
                var weights = vertical.WeightsOf(y);
                TensorPrimitives.Multiply(source.Slice(start * width, width), weights[0], row);
                for (var k = 1; k < weights.Length; k++)
                {
                    TensorPrimitives.MultiplyAdd(source.Slice((start + k) * width, width), weights[k], row, row);
                }
            }

            for (var y = 0; y < targetHeight; y++)
            {
                var line = rows.Slice(y * width, width);
                var output = destination.Slice(y * targetWidth, targetWidth);
                for (var x = 0; x < targetWidth; x++)
                {
                    output[x] = Weighted(line.Slice(horizontal.Starts[x]), horizontal.WeightsOf(x));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    private static float Weighted(ReadOnlySpan<float> line, ReadOnlySpan<float> weights)
    {
        var sum = 0f;
        for (var k = 0; k < weights.Length; k++)
        {
            sum += line[k] * weights[k];
        }

        return sum;
    }
}
