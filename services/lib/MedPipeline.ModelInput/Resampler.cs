using System.Buffers;

namespace MedPipeline.ModelInput;

/// <summary>Separable resampling of one plane: rows through the horizontal kernel, then columns through the vertical one.</summary>
internal static class Resampler
{
    public static void Resize(ReadOnlySpan<float> source, int width, int height, ResizeKernel horizontal, ResizeKernel vertical, int targetWidth, Span<float> destination)
    {
        var targetHeight = vertical.Starts.Length;
        var rows = ArrayPool<float>.Shared.Rent(height * targetWidth);
        try
        {
            var across = rows.AsSpan(0, height * targetWidth);
            for (var y = 0; y < height; y++)
            {
                var line = source.Slice(y * width, width);
                for (var x = 0; x < targetWidth; x++)
                {
                    across[y * targetWidth + x] = Weighted(line, horizontal, x, 1);
                }
            }

            for (var y = 0; y < targetHeight; y++)
            {
                for (var x = 0; x < targetWidth; x++)
                {
                    destination[y * targetWidth + x] = Weighted(across[x..], vertical, y, targetWidth);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(rows);
        }
    }

    private static float Weighted(ReadOnlySpan<float> line, ResizeKernel kernel, int index, int step)
    {
        var start = kernel.Starts[index];
        var weights = kernel.Weights.AsSpan(index * kernel.Stride, kernel.Counts[index]);
        var sum = 0f;
        for (var k = 0; k < weights.Length; k++)
        {
            sum += line[(start + k) * step] * weights[k];
        }

        return sum;
    }
}
