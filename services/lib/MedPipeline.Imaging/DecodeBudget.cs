using System.Globalization;

namespace MedPipeline.Imaging;

/// <summary>
/// What a decoded image costs in memory: every decoder keeps width × height × channels float32 samples
/// per frame (<see cref="ImageFrame"/>), the largest buffer of any decode. Checking the declared size
/// against a budget before decoding keeps a tiny file that declares a huge image from allocating it.
/// </summary>
public static class DecodeBudget
{
    public const int BytesPerDecodedSample = sizeof(float);

    /// <summary>Decoded bytes of <paramref name="frames"/> frames of the declared geometry (saturates instead of overflowing).</summary>
    public static long DecodedBytes(long width, long height, long channels, long frames = 1)
    {
        var bytes = (decimal)width * height * channels * BytesPerDecodedSample * frames;
        return bytes > long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>Throws <see cref="ImageDecodeFailure.OverDecodeBudget"/> when the declared image would decode past the budget.</summary>
    public static void Check(string format, uint width, uint height, int channels, long maxDecodedBytes)
    {
        var bytes = DecodedBytes(width, height, channels);
        if (bytes > maxDecodedBytes)
        {
            throw new ImageDecodeException(ImageDecodeFailure.OverDecodeBudget, string.Create(CultureInfo.InvariantCulture,
                $"the {format} declares {width}×{height}×{channels}, {bytes} bytes once decoded, above the decode budget of {maxDecodedBytes} bytes"));
        }
    }

    /// <summary>
    /// What the PNG and JPEG decoders check before they allocate, for a layout read by <see cref="ImageHeaderReader"/>:
    /// the decode budget (<see cref="ImageDecodeFailure.OverDecodeBudget"/>), then the pixel limit (<see cref="ImageDecodeFailure.TooLarge"/>).
    /// </summary>
    public static void Check(string format, RasterLayout layout, long maxPixels, long maxDecodedBytes)
    {
        Check(format, (uint)layout.Width, (uint)layout.Height, layout.Channels, maxDecodedBytes);
        if ((long)layout.Width * layout.Height > maxPixels)
        {
            throw new ImageDecodeException(ImageDecodeFailure.TooLarge, $"the {format} is {layout.Width}×{layout.Height}, above the limit of {maxPixels} pixels");
        }
    }
}
