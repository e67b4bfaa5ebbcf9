using System.Globalization;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.Preprocessor.Options;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Prices a series from its headers alone (frame counts and geometry in the instance index), so a small
/// archive that declares hundreds of GB of pixels or tensors fails before its first frame is decoded.
/// </summary>
public static class SeriesBudget
{
    /// <summary>Why the series is over budget, or null when it fits.</summary>
    public static string? Exceeded(InstanceIndex index, int tensorLength, SeriesLimitsOptions limits)
    {
        long frames = 0;
        long decoded = 0;
        foreach (var image in index.Instances)
        {
            var info = image.Info;
            var count = Math.Max(1, info.NumberOfFrames);
            frames += count;
            decoded = Saturating(decoded, DecodeBudget.DecodedBytes(info.Columns ?? 0, info.Rows ?? 0, info.SamplesPerPixel ?? 1, count));
        }

        var tensors = DecodeBudget.DecodedBytes(tensorLength, 1, 1, frames);
        if (tensors > limits.MaxTensorBytes)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the series has {frames} frames, {tensors} bytes of model input, above the limit of {limits.MaxTensorBytes} bytes (Preprocessor:Limits:MaxTensorBytes)");
        }

        return decoded > limits.MaxDecodedBytes
            ? string.Create(CultureInfo.InvariantCulture,
                $"the series declares {frames} frames, {decoded} bytes once decoded, above the limit of {limits.MaxDecodedBytes} bytes (Preprocessor:Limits:MaxDecodedBytes)")
            : null;
    }

    private static long Saturating(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
