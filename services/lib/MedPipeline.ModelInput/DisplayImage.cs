using System.Buffers;
using MedPipeline.Imaging;

namespace MedPipeline.ModelInput;

/// <summary>
/// A frame as a viewer shows it, at its own size: windowed by the manifest's rule to [0, 1], MONOCHROME1 inverted and
/// colour reduced to luma as for the model, then quantised to 8 bits (what a heatmap is painted over). A quarter of the
/// decoded frame's memory, so it may outlive the frame while the model runs.
/// </summary>
public sealed record DisplayImage(byte[] Gray, int Width, int Height)
{
    public static DisplayImage Of(ImageFrame frame, PreprocessingSpec spec)
    {
        var window = ValueWindow.For(frame, spec.Windowing);
        var invert = spec.InvertMonochrome1 && frame.Color == ColorModel.Monochrome1;
        var pixels = frame.Width * frame.Height;
        var plane = ArrayPool<float>.Shared.Rent(pixels);
        try
        {
            ImagePreprocessor.Window(frame, window, invert, channels: 1, plane.AsSpan(0, pixels));
            var gray = new byte[pixels];
            for (var p = 0; p < pixels; p++)
            {
                gray[p] = (byte)Math.Clamp(MathF.Round(plane[p] * 255), 0, 255);
            }

            return new DisplayImage(gray, frame.Width, frame.Height);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(plane);
        }
    }
}
