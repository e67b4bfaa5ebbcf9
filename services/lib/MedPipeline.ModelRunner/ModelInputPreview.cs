using MedPipeline.Imaging;
using MedPipeline.ModelInput;

namespace MedPipeline.ModelRunner;

/// <summary>"The image as the model saw it": the first channel of a model input row, mapped back to [0, 1], as a PNG.</summary>
internal static class ModelInputPreview
{
    public static byte[] Png(ReadOnlySpan<float> tensor, PreprocessingSpec spec)
    {
        var plane = tensor[..(spec.TargetWidth * spec.TargetHeight)].ToArray();
        var n = spec.Normalization;
        for (var i = 0; i < plane.Length; i++)
        {
            plane[i] = n.Kind == NormalizationKind.Range
                ? (float)((plane[i] - n.Min) / (n.Max - n.Min))
                : (float)(plane[i] * n.Std![0] + n.Mean![0]);
        }

        return GrayscalePng.Encode(plane, spec.TargetWidth, spec.TargetHeight);
    }
}
