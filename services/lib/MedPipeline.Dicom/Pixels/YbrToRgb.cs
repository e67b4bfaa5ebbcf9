namespace MedPipeline.Dicom.Pixels;

/// <summary>YBR_FULL to RGB (PS3.3 C.7.6.3.1.2), in place on interleaved samples, clamped to the stored range.</summary>
internal static class YbrToRgb
{
    public static void Convert(Span<float> samples, int bitsStored)
    {
        var half = MathF.Pow(2, bitsStored - 1);
        var max = 2 * half - 1;
        for (var i = 0; i + 2 < samples.Length; i += 3)
        {
            float y = samples[i], cb = samples[i + 1] - half, cr = samples[i + 2] - half;
            samples[i] = Math.Clamp(MathF.Round(y + 1.402f * cr), 0, max);
            samples[i + 1] = Math.Clamp(MathF.Round(y - 0.344136f * cb - 0.714136f * cr), 0, max);
            samples[i + 2] = Math.Clamp(MathF.Round(y + 1.772f * cb), 0, max);
        }
    }
}
