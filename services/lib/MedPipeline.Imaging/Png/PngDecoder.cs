using System.Buffers;
using System.Runtime.InteropServices;

namespace MedPipeline.Imaging.Png;

/// <summary>PNG to <see cref="ImageFrame"/> with libspng: gray stays gray (8 or 16 bit), colour and palette become RGB, alpha is dropped.</summary>
public static class PngDecoder
{
    private const int ColorTypeGray = 0;
    private const int ColorTypeGrayAlpha = 4;

    public static unsafe ImageFrame Decode(ReadOnlySpan<byte> png, long maxPixels, long maxDecodedBytes = long.MaxValue)
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
            var buffer = ArrayPool<byte>.Shared.Rent(checked((int)size));
            try
            {
                fixed (byte* output = buffer)
                {
                    Check(SpngNative.DecodeImage(context, output, size, format, 0), ImageDecodeFailure.Corrupt);
                }

                var gray = header.ColorType is ColorTypeGray or ColorTypeGrayAlpha;
                return ToFrame(buffer.AsSpan(0, (int)size), (int)header.Width, (int)header.Height, gray, sixteen);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private static ImageFrame ToFrame(ReadOnlySpan<byte> rgba, int width, int height, bool gray, bool sixteen)
    {
        var frame = new ImageFrame(width, height, gray ? ColorModel.Monochrome2 : ColorModel.Rgb, PixelValueInfo.ForNonDicom(sixteen ? 16 : 8));
        var samples = frame.Samples;
        var channels = frame.Channels;
        var pixels = width * height;
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < channels; c++)
            {
                samples[p * channels + c] = sixteen
                    ? MemoryMarshal.Read<ushort>(rgba[((p * 4 + c) * 2)..])
                    : rgba[p * 4 + c];
            }
        }

        return frame;
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
