using System.Runtime.InteropServices;

namespace MedPipeline.Imaging;

/// <summary>
/// A decoded PNG or JPEG as the codec gave it: 8-bit samples, or 16-bit samples in native byte order,
/// channels interleaved. Four times smaller than an <see cref="ImageFrame"/>, so this is what crosses the pipe
/// from a codec child; <see cref="ToFrame(RasterLayout, ReadOnlySpan{byte})"/> widens it.
/// </summary>
public sealed record PackedImage(RasterLayout Layout, byte[] Samples)
{
    public ImageFrame ToFrame() => ToFrame(Layout, Samples);

    /// <summary>Widens packed samples of <paramref name="layout"/>; refuses a buffer of any other length.</summary>
    public static ImageFrame ToFrame(RasterLayout layout, ReadOnlySpan<byte> samples)
    {
        if (samples.Length != layout.PackedBytes)
        {
            throw new ImageDecodeException(ImageDecodeFailure.Corrupt,
                $"the decoded image has {samples.Length} bytes of samples; {layout.Width}×{layout.Height}×{layout.Channels} at {layout.BitsStored} bits needs {layout.PackedBytes}");
        }

        var frame = new ImageFrame(layout.Width, layout.Height, layout.Color, PixelValueInfo.ForNonDicom(layout.BitsStored));
        var output = frame.Samples;
        if (layout.BytesPerSample == 2)
        {
            var wide = MemoryMarshal.Cast<byte, ushort>(samples);
            for (var i = 0; i < wide.Length; i++)
            {
                output[i] = wide[i];
            }
        }
        else
        {
            for (var i = 0; i < samples.Length; i++)
            {
                output[i] = samples[i];
            }
        }

        return frame;
    }
}
