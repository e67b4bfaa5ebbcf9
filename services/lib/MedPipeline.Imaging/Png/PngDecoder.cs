using System.Runtime.InteropServices;

namespace MedPipeline.Imaging.Png;

/// <summary>PNG to <see cref="ImageFrame"/> with libspng: gray stays gray (8 or 16 bit), colour and palette become RGB, alpha is dropped.</summary>
public static class PngDecoder
{
    private const int ColorTypeGray = 0;
    private const int ColorTypeGrayAlpha = 4;

    public static ImageFrame Decode(ReadOnlySpan<byte> png, long maxPixels, long maxDecodedBytes = long.MaxValue) =>
        DecodePacked(png, maxPixels, maxDecodedBytes).ToFrame();

    /// <summary>The samples as libspng gives them (8 or 16 bits), before widening: what a codec child sends back.</summary>
    public static unsafe PackedImage DecodePacked(ReadOnlySpan<byte> png, long maxPixels, long maxDecodedBytes = long.MaxValue)
    {
        using var context = SpngNative.ContextNew(0);
        if (context.IsInvalid)
        {
            throw new ImageDecodeException(ImageDecodeFailure.Unsupported, "libspng could not create a context");
        }

        fixed (byte* input = png)
        {
            Check(SpngNative.SetBuffer(context, input, (nuint)png.Length), ImageDecodeFailure.NotAnImage);
            Check(SpngNative.GetHeader(context, out var header), ImageDecodeFailure.NotAnImage);
            var channels = header.ColorType is ColorTypeGray or ColorTypeGrayAlpha ? 1 : 3;
            DecodeBudget.Check("PNG", header.Width, header.Height, channels, maxDecodedBytes);
            if ((long)header.Width * header.Height > maxPixels)
            {
                throw new ImageDecodeException(ImageDecodeFailure.TooLarge, $"the PNG is {header.Width}×{header.Height}, above the limit of {maxPixels} pixels");
            }

            var sixteen = header.BitDepth == 16;
            var format = sixteen ? SpngNative.FormatRgba16 : SpngNative.FormatRgba8;
            Check(SpngNative.DecodedImageSize(context, format, out var size), ImageDecodeFailure.Corrupt);
            // Outside the managed heap: the RGBA scratch is the largest buffer of a decode (four times a gray image's
            // packed size), and a codec child's managed heap is capped at half its memory limit.
            var buffer = (byte*)NativeMemory.Alloc(size);
            try
            {
                Check(SpngNative.DecodeImage(context, buffer, size, format, 0), ImageDecodeFailure.Corrupt);
                var gray = header.ColorType is ColorTypeGray or ColorTypeGrayAlpha;
                var layout = new RasterLayout((int)header.Width, (int)header.Height, gray ? ColorModel.Monochrome2 : ColorModel.Rgb, sixteen ? 16 : 8);
                return Pack(new ReadOnlySpan<byte>(buffer, checked((int)size)), layout);
            }
            finally
            {
                NativeMemory.Free(buffer);
            }
        }
    }

    /// <summary>Keeps the first one (gray) or three (RGB) of the four decoded channels; alpha is dropped.</summary>
    private static PackedImage Pack(ReadOnlySpan<byte> rgba, RasterLayout layout)
    {
        var samples = new byte[layout.PackedBytes];
        if (layout.BytesPerSample == 2)
        {
            PackChannels(MemoryMarshal.Cast<byte, ushort>(rgba), MemoryMarshal.Cast<byte, ushort>(samples.AsSpan()), layout.Channels);
        }
        else
        {
            PackChannels(rgba, samples, layout.Channels);
        }

        return new PackedImage(layout, samples);
    }

    private static void PackChannels<T>(ReadOnlySpan<T> rgba, Span<T> output, int channels)
    {
        var pixels = output.Length / channels;
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < channels; c++)
            {
                output[p * channels + c] = rgba[p * 4 + c];
            }
        }
    }

    private static void Check(int code, ImageDecodeFailure failure)
    {
        if (code != 0)
        {
            var text = Marshal.PtrToStringUTF8(SpngNative.ErrorText(code)) ?? $"error {code}";
            throw new ImageDecodeException(failure, $"PNG: {text}");
        }
    }
}
