namespace MedPipeline.Imaging;

/// <summary>Writes an 8-bit grayscale PNG from values in [0, 1]: how the web page shows "the image as the model saw it".</summary>
public static class GrayscalePng
{
    public static byte[] Encode(ReadOnlySpan<float> values, int width, int height)
    {
        var copy = values[..(width * height)].ToArray();
        return PngWriter.Write(width, height, PngWriter.ColorTypeGray, 1, (y, row) =>
        {
            for (var x = 0; x < width; x++)
            {
                row[x] = (byte)Math.Clamp(MathF.Round(copy[y * width + x] * 255), 0, 255);
            }
        });
    }
}
