namespace MedPipeline.ModelInput.Tests;

/// <summary>A slow, obvious area resize: integrate the source over each output pixel's footprint.</summary>
internal static class Reference
{
    public static float[] Area(float[] source, int width, int height, int targetWidth, int targetHeight)
    {
        var output = new float[targetWidth * targetHeight];
        double sx = (double)width / targetWidth, sy = (double)height / targetHeight;
        for (var oy = 0; oy < targetHeight; oy++)
        {
            for (var ox = 0; ox < targetWidth; ox++)
            {
                double sum = 0;
                for (var y = 0; y < height; y++)
                {
                    var wy = Math.Max(0, Math.Min(y + 1, (oy + 1) * sy) - Math.Max(y, oy * sy));
                    for (var x = 0; x < width && wy > 0; x++)
                    {
                        var wx = Math.Max(0, Math.Min(x + 1, (ox + 1) * sx) - Math.Max(x, ox * sx));
                        sum += wx * wy * source[y * width + x];
                    }
                }

                output[oy * targetWidth + ox] = (float)(sum / (sx * sy));
            }
        }

        return output;
    }
}
