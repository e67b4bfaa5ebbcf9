using System.Numerics;

namespace MedPipeline.ModelInput;

/// <summary>
/// Modality LUT, VOI window and MONOCHROME1 inversion of one gray plane in a single vectorised pass
/// (<see cref="Vector{T}"/>). Rescale and window are both linear, so together they are one ramp over the
/// stored values, clamped to [0, 1]; the same values as <see cref="ValueWindow.Apply"/> within float rounding.
/// </summary>
internal static class GrayWindowing
{
    public static void Apply(ReadOnlySpan<float> samples, ValueWindow window, double slope, double intercept, bool invert, Span<float> destination)
    {
        var span = window.High - window.Low;
        var scale = slope / span;
        // The ramp is measured from a whole stored value near the window's low end: s - origin is exact in float
        // and the constant term stays within one stored step, so float32 keeps ~1e-7 accuracy even for a narrow
        // window on 16-bit data, where s * scale alone would reach hundreds and lose the fraction.
        var origin = slope == 0 ? 0 : Math.Round((window.Low - intercept) / slope);
        origin = Math.Abs(origin) < 1 << 23 ? origin : 0;
        var offset = (origin * slope + intercept - window.Low) / span;
        if (!(span > 0) || !double.IsFinite(scale) || !double.IsFinite(offset))
        {
            // A step (width 1) or an empty range: rare, and not a ramp.
            for (var p = 0; p < samples.Length; p++)
            {
                var v = window.Apply(samples[p] * slope + intercept);
                destination[p] = invert ? 1 - v : v;
            }

            return;
        }

        (scale, offset) = invert ? (-scale, 1 - offset) : (scale, offset);
        Ramp(samples, (float)origin, (float)scale, (float)offset, destination);
    }

    private static void Ramp(ReadOnlySpan<float> samples, float origin, float scale, float offset, Span<float> destination)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var (o, s, c) = (new Vector<float>(origin), new Vector<float>(scale), new Vector<float>(offset));
            for (; i <= samples.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var ramp = Vector.FusedMultiplyAdd(new Vector<float>(samples[i..]) - o, s, c);
                Vector.Min(Vector.Max(ramp, Vector<float>.Zero), Vector<float>.One).CopyTo(destination[i..]);
            }
        }

        for (; i < samples.Length; i++)
        {
            destination[i] = Math.Clamp(MathF.FusedMultiplyAdd(samples[i] - origin, scale, offset), 0, 1);
        }
    }
}
