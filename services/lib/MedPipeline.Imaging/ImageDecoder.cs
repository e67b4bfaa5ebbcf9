using MedPipeline.Imaging.Jpeg;
using MedPipeline.Imaging.Png;

namespace MedPipeline.Imaging;

/// <summary>Decodes a PNG or JPEG by its signature; anything else is refused as not an image.</summary>
public static class ImageDecoder
{
    public const long DefaultMaxPixels = 8192L * 8192;

    /// <param name="bytes">The file.</param>
    /// <param name="maxPixels">Largest width × height accepted.</param>
    /// <param name="maxDecodedBytes">Budget for the decoded frame (see <see cref="DecodeBudget"/>), checked against the header before any pixel buffer exists.</param>
    public static ImageFrame Decode(ReadOnlySpan<byte> bytes, long maxPixels = DefaultMaxPixels, long maxDecodedBytes = long.MaxValue) =>
        DecodePacked(bytes, maxPixels, maxDecodedBytes).ToFrame();

    /// <summary>As <see cref="Decode"/>, before the samples are widened to float32 (what a codec child answers).</summary>
    public static PackedImage DecodePacked(ReadOnlySpan<byte> bytes, long maxPixels = DefaultMaxPixels, long maxDecodedBytes = long.MaxValue) =>
        ImageFormatSniffer.Detect(bytes) switch
        {
            ImageFormat.Png => PngDecoder.DecodePacked(bytes, maxPixels, maxDecodedBytes),
            ImageFormat.Jpeg => JpegDecoder.DecodePacked(bytes, maxPixels, maxDecodedBytes),
            _ => throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "the file is neither PNG nor JPEG (checked by its first bytes)"),
        };
}
