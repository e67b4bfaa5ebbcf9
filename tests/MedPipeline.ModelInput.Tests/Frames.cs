using MedPipeline.Imaging;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelInput.Tests;

internal static class Frames
{
    public static ImageFrame Make(int width, int height, float[] samples, ColorModel color = ColorModel.Monochrome2, PixelValueInfo? values = null)
    {
        var frame = new ImageFrame(width, height, color, values ?? new PixelValueInfo { BitsStored = 16, IsDicom = true });
        samples.CopyTo(frame.Samples);
        return frame;
    }

    public static PreprocessingSpec Spec(int width, int height, WindowingSpec? windowing = null, ResizeMethod resize = ResizeMethod.Area,
        ChannelHandling channels = ChannelHandling.Gray, NormalizationSpec? normalization = null) => new()
    {
        TargetWidth = width,
        TargetHeight = height,
        Resize = resize,
        Windowing = windowing ?? new WindowingSpec { Rule = WindowingRule.MinMax },
        Channels = channels,
        Normalization = normalization ?? new NormalizationSpec { Kind = NormalizationKind.Range, Min = 0, Max = 1 },
    };

    public static float[] Run(ImageFrame frame, PreprocessingSpec spec)
    {
        var output = new float[ImagePreprocessor.TensorLength(spec)];
        ImagePreprocessor.Preprocess(frame, spec, output);
        return output;
    }
}
