using MedPipeline.Imaging.Jpeg;
using MedPipeline.Imaging.Png;

namespace MedPipeline.Imaging;

/// <summary>Decodes an uploaded PNG or JPEG by its signature; anything else is refused as not an image.</summary>
public static class ImageDecoder
{
    public const long DefaultMaxPixels = 8192L * 8192;

    public static ImageFrame Decode(ReadOnlySpan<byte> bytes, long maxPixels = DefaultMaxPixels) => ImageFormatSniffer.Detect(bytes) switch
    {
        ImageFormat.Png => PngDecoder.Decode(bytes, maxPixels),
        ImageFormat.Jpeg => JpegDecoder.Decode(bytes, maxPixels),
        _ => throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "the file is neither PNG nor JPEG (checked by its first bytes)"),
    };
}
