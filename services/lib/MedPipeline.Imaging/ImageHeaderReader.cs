using System.Buffers.Binary;

namespace MedPipeline.Imaging;

/// <summary>
/// Reads the declared geometry of a PNG (IHDR) or JPEG (first SOFn) in managed code, without a native codec:
/// the gateway checks the decode budget with it before the file goes to a codec child. Only the structure
/// needed for the geometry is checked; everything else is the codec's to judge.
/// </summary>
public static class ImageHeaderReader
{
    /// <summary>The layout the codec will produce: gray stays gray, anything else becomes RGB; 16 bits only for 16-bit PNG.</summary>
    public static RasterLayout Read(ImageFormat format, ReadOnlySpan<byte> bytes) => format switch
    {
        ImageFormat.Png => Png(bytes),
        ImageFormat.Jpeg => Jpeg(bytes),
        _ => throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "the file is neither PNG nor JPEG (checked by its first bytes)"),
    };

    private static RasterLayout Png(ReadOnlySpan<byte> png)
    {
        // Signature, chunk length, "IHDR", then width, height, bit depth and colour type.
        if (png.Length < 8 + 8 + 13 || BinaryPrimitives.ReadUInt32BigEndian(png[8..]) < 13 || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "PNG: the file does not start with a complete IHDR header");
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(png[16..]);
        var height = BinaryPrimitives.ReadUInt32BigEndian(png[20..]);
        var (bitDepth, colorType) = (png[24], png[25]);
        var gray = colorType is 0 or 4;
        return Checked("PNG", width, height, gray, bitDepth == 16 ? 16 : 8);
    }

    private static RasterLayout Jpeg(ReadOnlySpan<byte> jpeg)
    {
        var position = 2;
        while (true)
        {
            // A marker is 0xFF, any number of 0xFF fill bytes, then the marker code.
            var start = position;
            while (position < jpeg.Length && jpeg[position] == 0xFF)
            {
                position++;
            }

            if (position >= jpeg.Length || position == start)
            {
                throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "JPEG: no frame header before the end of the file or a broken marker");
            }

            var marker = jpeg[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                continue;
            }

            if (marker is 0xD9 or 0xDA || position + 2 > jpeg.Length)
            {
                throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "JPEG: no frame header before the image data");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg[position..]);
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (length < 8 || position + 8 > jpeg.Length)
                {
                    throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, "JPEG: the frame header is cut short");
                }

                var height = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 3)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(jpeg[(position + 5)..]);
                return Checked("JPEG", width, height, gray: jpeg[position + 7] == 1, 8);
            }

            if (length < 2)
            {
                throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, $"JPEG: a segment declares {length} bytes");
            }

            position += length;
        }
    }

    private static RasterLayout Checked(string format, uint width, uint height, bool gray, int bits) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue
            ? throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, $"{format}: the header declares a {width}×{height} image")
            : new RasterLayout((int)width, (int)height, gray ? ColorModel.Monochrome2 : ColorModel.Rgb, bits);
}
