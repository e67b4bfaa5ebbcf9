using System.Buffers;
using System.Numerics.Tensors;
using MedPipeline.Imaging;

namespace MedPipeline.ModelInput;

/// <summary>
/// Decoded pixels to the float32 tensor a model manifest asks for: modality LUT, VOI window to
/// [0, 1], MONOCHROME1 inversion, colour handling, resize, normalisation, written C×H×W into the
/// caller's buffer (one frame = one batch entry, so batches are filled without copies).
/// </summary>
public static class ImagePreprocessor
{
    public static int TensorLength(PreprocessingSpec spec) => Channels(spec) * spec.TargetWidth * spec.TargetHeight;

    public static PreprocessingSummary Preprocess(ImageFrame frame, PreprocessingSpec spec, Span<float> destination)
    {
        var channels = Channels(spec);
        if (destination.Length < TensorLength(spec))
        {
            throw new ArgumentException($"the destination holds {destination.Length} values; the tensor needs {TensorLength(spec)}", nameof(destination));
        }

        var window = ValueWindow.For(frame, spec.Windowing);
        var invert = spec.InvertMonochrome1 && frame.Color == ColorModel.Monochrome1;
        var pixels = frame.Width * frame.Height;
        var planes = ArrayPool<float>.Shared.Rent(pixels * channels);
        try
        {
            Window(frame, window, invert, channels, planes.AsSpan(0, pixels * channels));
            var horizontal = ResizeKernel.Create(frame.Width, spec.TargetWidth, spec.Resize);
            var vertical = ResizeKernel.Create(frame.Height, spec.TargetHeight, spec.Resize);
            var plane = spec.TargetWidth * spec.TargetHeight;
            for (var c = 0; c < channels; c++)
            {
                var output = destination.Slice(c * plane, plane);
                Resampler.Resize(planes.AsSpan(c * pixels, pixels), frame.Width, frame.Height, horizontal, vertical, spec.TargetWidth, output);
                Normalize(output, spec.Normalization, c);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(planes);
        }

        var resize = spec.Resize == ResizeMethod.Area && (spec.TargetWidth < frame.Width || spec.TargetHeight < frame.Height) ? "area" : "bilinear";
        return new PreprocessingSummary(frame.Width, frame.Height, spec.TargetWidth, spec.TargetHeight, window.Rule, window.Low, window.High, invert, resize);
    }

    /// <summary>Preprocesses frames into one N×C×H×W batch buffer; the summaries come back in frame order.</summary>
    public static IReadOnlyList<PreprocessingSummary> PreprocessBatch(IReadOnlyList<ImageFrame> frames, PreprocessingSpec spec, Span<float> batch)
    {
        var length = TensorLength(spec);
        var summaries = new PreprocessingSummary[frames.Count];
        for (var i = 0; i < frames.Count; i++)
        {
            summaries[i] = Preprocess(frames[i], spec, batch.Slice(i * length, length));
        }

        return summaries;
    }

    private static int Channels(PreprocessingSpec spec) => spec.Channels == ChannelHandling.Rgb ? 3 : 1;

    /// <summary>Rescale and window every sample, invert MONOCHROME1, and lay the result out as planes of the target channel count.</summary>
    internal static void Window(ImageFrame frame, ValueWindow window, bool invert, int channels, Span<float> planes)
    {
        var samples = frame.Samples;
        var pixels = frame.Width * frame.Height;
        var values = frame.Values;
        var (slope, intercept) = values.IsDicom ? (values.RescaleSlope, values.RescaleIntercept) : (1.0, 0.0);
        if (frame.Channels == 1)
        {
            var gray = planes[..pixels];
            GrayWindowing.Apply(samples, window, slope, intercept, invert, gray);
            for (var c = 1; c < channels; c++)
            {
                gray.CopyTo(planes.Slice(c * pixels, pixels));
            }

            return;
        }

        for (var p = 0; p < pixels; p++)
        {
            var r = window.Apply(samples[p * 3] * slope + intercept);
            var g = window.Apply(samples[p * 3 + 1] * slope + intercept);
            var b = window.Apply(samples[p * 3 + 2] * slope + intercept);
            if (channels == 1)
            {
                planes[p] = 0.299f * r + 0.587f * g + 0.114f * b;
            }
            else
            {
                planes[p] = r;
                planes[pixels + p] = g;
                planes[2 * pixels + p] = b;
            }
        }
    }

    private static void Normalize(Span<float> plane, NormalizationSpec normalization, int channel)
    {
        float scale, offset;
        if (normalization.Kind == NormalizationKind.Range)
        {
            scale = (float)(normalization.Max - normalization.Min);
            offset = (float)normalization.Min;
        }
        else
        {
            var std = normalization.Std![channel];
            scale = (float)(1 / std);
            offset = (float)(-normalization.Mean![channel] / std);
        }

        if (scale == 1 && offset == 0)
        {
            return;
        }

        TensorPrimitives.Multiply(plane, scale, plane);
        TensorPrimitives.Add(plane, offset, plane);
    }
}
