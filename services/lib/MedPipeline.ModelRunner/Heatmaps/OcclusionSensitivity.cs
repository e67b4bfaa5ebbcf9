using System.Numerics.Tensors;

namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>
/// Occlusion sensitivity (Zeiler and Fergus): copies of one input row, each with one square set to the row's mean, and
/// the map of how much the class' probability dropped wherever a square covered.
/// </summary>
public static class OcclusionSensitivity
{
    /// <summary>One copy of the C×H×W <paramref name="row"/> per grid position, laid out as one N×C×H×W batch.</summary>
    public static float[] Copies(ReadOnlySpan<float> row, int channels, OcclusionGrid grid)
    {
        var (width, pixels) = (grid.Width, grid.Width * grid.Height);
        var positions = grid.Positions();
        var batch = new float[positions.Count * row.Length];
        // The mean keeps the copy's brightness: a black square would teach us about the edge it draws, not the content.
        var means = new float[channels];
        for (var c = 0; c < channels; c++)
        {
            means[c] = TensorPrimitives.Average(row.Slice(c * pixels, pixels));
        }

        for (var i = 0; i < positions.Count; i++)
        {
            var copy = batch.AsSpan(i * row.Length, row.Length);
            row.CopyTo(copy);
            var (x0, y0) = positions[i];
            for (var c = 0; c < channels; c++)
            {
                for (var y = y0; y < y0 + grid.Patch; y++)
                {
                    copy.Slice(c * pixels + y * width + x0, grid.Patch).Fill(means[c]);
                }
            }
        }

        return batch;
    }

    /// <summary>
    /// Per pixel, the mean drop of the probability (<paramref name="baseline"/> minus each copy's) over the patches that
    /// covered it; a rise counts as no drop, since the map shows what the answer rests on.
    /// </summary>
    public static float[] Map(float baseline, ReadOnlySpan<float> occluded, OcclusionGrid grid)
    {
        var positions = grid.Positions();
        if (occluded.Length != positions.Count)
        {
            throw new ArgumentException($"{occluded.Length} probabilities for {positions.Count} occluded copies", nameof(occluded));
        }

        var sums = new float[grid.Width * grid.Height];
        var counts = new float[sums.Length];
        for (var i = 0; i < positions.Count; i++)
        {
            var drop = Math.Max(0, baseline - occluded[i]);
            var (x0, y0) = positions[i];
            for (var y = y0; y < y0 + grid.Patch; y++)
            {
                var line = (y * grid.Width) + x0;
                TensorPrimitives.Add(sums.AsSpan(line, grid.Patch), drop, sums.AsSpan(line, grid.Patch));
                TensorPrimitives.Add(counts.AsSpan(line, grid.Patch), 1f, counts.AsSpan(line, grid.Patch));
            }
        }

        TensorPrimitives.Divide(sums, counts, sums);
        return sums;
    }
}
