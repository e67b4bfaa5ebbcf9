namespace MedPipeline.ModelInput.Tests;

/// <summary>
/// The preprocessing written the obvious way, one pixel at a time in double precision, straight from the
/// definitions (PS3.3 C.11.2.1.2 for the window; half-pixel-centred bilinear interpolation), to hold the
/// vectorised code to.
/// </summary>
internal static class ScalarReference
{
    /// <summary>Modality LUT, then the DICOM linear window function, then MONOCHROME1 inversion.</summary>
    public static float[] FixedWindow(float[] samples, double slope, double intercept, double center, double width, bool invert) =>
        [.. samples.Select(s =>
        {
            var value = s * slope + intercept;
            var v = value <= center - 0.5 - (width - 1) / 2 ? 0
                : value > center - 0.5 + (width - 1) / 2 ? 1
                : (value - (center - 0.5)) / (width - 1) + 0.5;
            return (float)(invert ? 1 - v : v);
        })];

    /// <summary>Modality LUT, then a linear ramp from the image's smallest to its largest value.</summary>
    public static float[] MinMaxWindow(float[] samples, double slope, double intercept)
    {
        var values = samples.Select(s => s * slope + intercept).ToArray();
        var (low, high) = (values.Min(), values.Max());
        return [.. values.Select(v => (float)((v - low) / (high - low)))];
    }

    public static float[] Bilinear(float[] source, int width, int height, int targetWidth, int targetHeight)
    {
        var output = new float[targetWidth * targetHeight];
        for (var oy = 0; oy < targetHeight; oy++)
        {
            var (y0, y1, fy) = Neighbours(oy, height, targetHeight);
            for (var ox = 0; ox < targetWidth; ox++)
            {
                var (x0, x1, fx) = Neighbours(ox, width, targetWidth);
                double At(int x, int y) => source[y * width + x];
                var top = At(x0, y0) * (1 - fx) + At(x1, y0) * fx;
                var bottom = At(x0, y1) * (1 - fx) + At(x1, y1) * fx;
                output[oy * targetWidth + ox] = (float)(top * (1 - fy) + bottom * fy);
            }
        }

        return output;
    }

    private static (int First, int Second, double Fraction) Neighbours(int index, int source, int target)
    {
        var position = Math.Clamp((index + 0.5) * source / target - 0.5, 0, source - 1);
        var first = (int)Math.Floor(position);
        return (first, Math.Min(first + 1, source - 1), position - first);
    }
}
