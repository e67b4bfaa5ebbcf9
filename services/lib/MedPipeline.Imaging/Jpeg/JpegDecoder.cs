using System.Runtime.InteropServices;

namespace MedPipeline.Imaging.Jpeg;

/// <summary>JPEG to <see cref="ImageFrame"/> with TurboJPEG: grayscale JPEGs stay gray, everything else becomes RGB.</summary>
public static class JpegDecoder
{
    public static ImageFrame Decode(ReadOnlySpan<byte> jpeg, long maxPixels, long maxDecodedBytes = long.MaxValue) =>
        DecodePacked(jpeg, maxPixels, maxDecodedBytes).ToFrame();

    /// <summary>The 8-bit samples as TurboJPEG gives them, before widening: what a codec child sends back.</summary>
    public static unsafe PackedImage DecodePacked(ReadOnlySpan<byte> jpeg, long maxPixels, long maxDecodedBytes = long.MaxValue)
    {
        using var handle = TurboJpegNative.InitDecompress();
        if (handle.IsInvalid)
        {
            throw new ImageDecodeException(ImageDecodeFailure.Unsupported, "TurboJPEG could not create a decompressor");
        }

        fixed (byte* input = jpeg)
        {
            if (TurboJpegNative.DecompressHeader(handle, input, (nuint)jpeg.Length, out var width, out var height, out _, out var colorspace) != 0)
            {
                throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, $"JPEG: {ErrorOf(handle)}");
            }

            DecodeBudget.Check("JPEG", (uint)Math.Max(width, 0), (uint)Math.Max(height, 0),
                colorspace == TurboJpegNative.ColorspaceGray ? 1 : 3, maxDecodedBytes);
            if ((long)width * height > maxPixels || width <= 0 || height <= 0)
            {
                throw new ImageDecodeException(ImageDecodeFailure.TooLarge, $"the JPEG is {width}×{height}, above the limit of {maxPixels} pixels");
            }

            var gray = colorspace == TurboJpegNative.ColorspaceGray;
            var channels = gray ? 1 : 3;
            var samples = new byte[(long)width * height * channels];
            fixed (byte* output = samples)
            {
                var result = TurboJpegNative.Decompress(handle, input, (nuint)jpeg.Length, output, width, width * channels, height,
                    gray ? TurboJpegNative.PixelFormatGray : TurboJpegNative.PixelFormatRgb,
                    TurboJpegNative.FlagStopOnWarning | TurboJpegNative.FlagLimitScans);
                if (result != 0)
                {
                    throw new ImageDecodeException(ImageDecodeFailure.Corrupt, $"JPEG: {ErrorOf(handle)}");
                }
            }

            return new PackedImage(new RasterLayout(width, height, gray ? ColorModel.Monochrome2 : ColorModel.Rgb, 8), samples);
        }
    }

    private static string ErrorOf(TurboJpegHandle handle) => Marshal.PtrToStringUTF8(TurboJpegNative.ErrorText(handle)) ?? "unknown error";
}
