namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>
/// Where the occluding square goes: a patch of an eighth of the input's shorter side moved by half a patch, so a 64×64
/// input has 8-pixel patches every 4 pixels (15 × 15 = 225 copies) and every pixel is covered by up to four patches.
/// </summary>
public sealed record OcclusionGrid(int Width, int Height, int Patch, int Stride)
{
    public static OcclusionGrid For(int width, int height)
    {
        var patch = Math.Max(1, Math.Min(width, height) / 8);
        return new OcclusionGrid(width, height, patch, Math.Max(1, patch / 2));
    }

    /// <summary>Top-left corners in row order; the last row and column reach the far edges.</summary>
    public IReadOnlyList<(int X, int Y)> Positions()
    {
        var xs = Starts(Width);
        var ys = Starts(Height);
        return [.. ys.SelectMany(y => xs.Select(x => (x, y)))];
    }

    private List<int> Starts(int size)
    {
        if (Patch < 1 || Stride < 1 || Patch > size)
        {
            throw new ArgumentException($"a {Patch}-pixel patch every {Stride} pixels does not fit a {Width}×{Height} input");
        }

        var starts = new List<int>();
        for (var s = 0; s + Patch <= size; s += Stride)
        {
            starts.Add(s);
        }

        if (starts[^1] + Patch < size)
        {
            starts.Add(size - Patch);
        }

        return starts;
    }
}
