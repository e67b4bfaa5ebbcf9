namespace MedPipeline.Imaging;

/// <summary>Writes an 8-bit RGB PNG from interleaved R, G, B bytes, rows top to bottom (heatmaps).</summary>
public static class RgbPng
{
    public static byte[] Encode(byte[] rgb, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (rgb.Length != width * height * 3)
        {
            throw new ArgumentException($"{rgb.Length} bytes for a {width}×{height} RGB image, which needs {width * height * 3}", nameof(rgb));
        }

        var stride = width * 3;
        return PngWriter.Write(width, height, PngWriter.ColorTypeRgb, 3, (y, row) => rgb.AsSpan(y * stride, stride).CopyTo(row));
    }
}
