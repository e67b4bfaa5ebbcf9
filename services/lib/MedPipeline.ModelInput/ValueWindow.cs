using System.Numerics.Tensors;
using MedPipeline.Imaging;

namespace MedPipeline.ModelInput;

/// <summary>
/// The VOI mapping of one frame to [0, 1] after the modality LUT: the DICOM linear window function
/// (PS3.3 C.11.2.1.2) for a centre/width, or a plain linear ramp between a low and a high value.
/// </summary>
internal readonly record struct ValueWindow(string Rule, double Low, double High, double? Center, double? Width)
{
    public static ValueWindow For(ImageFrame frame, WindowingSpec spec)
    {
        var values = frame.Values;
        switch (spec.Rule)
        {
            case WindowingRule.Fixed when values.IsDicom:
                return Voi("fixed", spec.Center!.Value, spec.Width!.Value);
            case WindowingRule.Dicom when values.IsDicom && values.WindowCenter is { } c && values.WindowWidth is { } w:
                return Voi("file window", c, w);
            case WindowingRule.MinMax:
            case WindowingRule.Dicom when values.IsDicom:
                return MinMax(frame);
            default:
                var (min, max) = values.StoredRange;
                return new ValueWindow("full range", min, max, null, null);
        }
    }

    private static ValueWindow Voi(string rule, double center, double width)
    {
        var w = Math.Max(width, 1);
        return new ValueWindow(rule, center - 0.5 - (w - 1) / 2, center - 0.5 + (w - 1) / 2, center, w);
    }

    private static ValueWindow MinMax(ImageFrame frame)
    {
        var samples = frame.Samples;
        var (min, max) = (TensorPrimitives.Min(samples), TensorPrimitives.Max(samples));

        var slope = frame.Values.IsDicom ? frame.Values.RescaleSlope : 1;
        var intercept = frame.Values.IsDicom ? frame.Values.RescaleIntercept : 0;
        var (low, high) = (min * slope + intercept, max * slope + intercept);
        return new ValueWindow("minmax", Math.Min(low, high), Math.Max(low, high), null, null);
    }

    /// <summary>Maps a modality value (after rescale) to [0, 1].</summary>
    public float Apply(double value)
    {
        if (Center is { } c && Width is { } w)
        {
            if (value <= Low) return 0;
            if (value > High) return 1;
            return w <= 1 ? 1 : (float)((value - (c - 0.5)) / (w - 1) + 0.5);
        }

        return High <= Low ? 0 : (float)Math.Clamp((value - Low) / (High - Low), 0, 1);
    }
}
