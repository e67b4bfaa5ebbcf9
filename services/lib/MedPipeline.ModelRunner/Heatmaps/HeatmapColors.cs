using System.Numerics.Tensors;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>
/// A perceptual ramp close to matplotlib's "inferno" (black, purple, red, orange, pale yellow: brightness rises
/// monotonically, so it reads in grayscale print too), blended over the gray source with an alpha that grows with the
/// value: where the map is cold the image shows through unchanged.
/// </summary>
public static class HeatmapColors
{
    /// <summary>Opacity of the colour at the map's hottest point.</summary>
    public const float MaxAlpha = 0.7f;

    private static readonly (float At, byte R, byte G, byte B)[] Stops =
        [(0f, 0, 0, 4), (0.25f, 87, 16, 110), (0.5f, 188, 55, 84), (0.75f, 249, 142, 9), (1f, 252, 255, 164)];

    /// <summary>The ramp's colour at <paramref name="value"/>, clamped to [0, 1].</summary>
    public static (byte R, byte G, byte B) Color(float value)
    {
        var v = float.IsNaN(value) ? 0 : Math.Clamp(value, 0, 1);
        var upper = 1;
        while (upper < Stops.Length - 1 && Stops[upper].At < v)
        {
            upper++;
        }

        var (a, b) = (Stops[upper - 1], Stops[upper]);
        var t = (v - a.At) / (b.At - a.At);
        return (Mix(a.R, b.R, t), Mix(a.G, b.G, t), Mix(a.B, b.B, t));
    }

    /// <summary>Scales a map to [0, 1] by its maximum in place; an all-zero (or negative) map stays zero.</summary>
    public static void NormalizeByMax(Span<float> map)
    {
        var max = map.IsEmpty ? 0 : TensorPrimitives.Max(map);
        if (max > 0 && float.IsFinite(max))
        {
            TensorPrimitives.Multiply(map, 1 / max, map);
        }
        else
        {
            map.Clear();
        }
    }

    /// <summary>RGB bytes of <paramref name="heat"/> (values in [0, 1], the source's size) blended over the source's gray.</summary>
    public static byte[] Overlay(DisplayImage source, ReadOnlySpan<float> heat)
    {
        var pixels = source.Width * source.Height;
        if (heat.Length != pixels)
        {
            throw new ArgumentException($"the map has {heat.Length} values; the image has {pixels} pixels", nameof(heat));
        }

        var rgb = new byte[pixels * 3];
        for (var p = 0; p < pixels; p++)
        {
            var v = Math.Clamp(heat[p], 0, 1);
            var (r, g, b) = Color(v);
            var alpha = MaxAlpha * v;
            var gray = source.Gray[p];
            rgb[p * 3] = Mix(gray, r, alpha);
            rgb[p * 3 + 1] = Mix(gray, g, alpha);
            rgb[p * 3 + 2] = Mix(gray, b, alpha);
        }

        return rgb;
    }

    private static byte Mix(byte from, byte to, float t) => (byte)Math.Clamp(MathF.Round(from + (to - from) * t), 0, 255);
}
