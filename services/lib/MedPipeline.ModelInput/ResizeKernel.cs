namespace MedPipeline.ModelInput;

/// <summary>
/// Per-axis resampling weights: for each output index, the source indices and weights that make it.
/// Area (exact box coverage, fractional at the edges) when shrinking, linear with half-pixel centres
/// when enlarging or when bilinear is asked for.
/// </summary>
internal sealed class ResizeKernel
{
    private ResizeKernel(int[] starts, int[] counts, float[] weights, int stride)
    {
        Starts = starts;
        Counts = counts;
        Weights = weights;
        Stride = stride;
    }

    public int[] Starts { get; }

    public int[] Counts { get; }

    /// <summary>Weights of output i are Weights[i*Stride .. i*Stride+Counts[i]).</summary>
    public float[] Weights { get; }

    public int Stride { get; }

    /// <summary>The weights of output <paramref name="index"/>, for the source indices from Starts[index] on.</summary>
    public ReadOnlySpan<float> WeightsOf(int index) => Weights.AsSpan(index * Stride, Counts[index]);

    public static ResizeKernel Create(int source, int target, ResizeMethod method) =>
        method == ResizeMethod.Area && target < source ? Area(source, target) : Linear(source, target);

    private static ResizeKernel Area(int source, int target)
    {
        var scale = (double)source / target;
        var stride = (int)Math.Ceiling(scale) + 1;
        var starts = new int[target];
        var counts = new int[target];
        var weights = new float[target * stride];
        for (var i = 0; i < target; i++)
        {
            double from = i * scale, to = (i + 1) * scale;
            var first = (int)Math.Floor(from);
            var last = Math.Min(source - 1, (int)Math.Ceiling(to) - 1);
            starts[i] = first;
            counts[i] = last - first + 1;
            for (var s = first; s <= last; s++)
            {
                var overlap = Math.Min(to, s + 1) - Math.Max(from, s);
                weights[i * stride + s - first] = (float)(overlap / scale);
            }
        }

        return new ResizeKernel(starts, counts, weights, stride);
    }

    private static ResizeKernel Linear(int source, int target)
    {
        var scale = (double)source / target;
        var starts = new int[target];
        var counts = new int[target];
        var weights = new float[target * 2];
        for (var i = 0; i < target; i++)
        {
            var position = Math.Clamp((i + 0.5) * scale - 0.5, 0, source - 1);
            var first = Math.Min((int)Math.Floor(position), source - 1);
            var fraction = position - first;
            starts[i] = first;
            counts[i] = first + 1 < source ? 2 : 1;
            weights[i * 2] = (float)(counts[i] == 2 ? 1 - fraction : 1);
            weights[i * 2 + 1] = (float)fraction;
        }

        return new ResizeKernel(starts, counts, weights, 2);
    }
}
