namespace MedPipeline.Preprocessor.Series;

/// <summary>Either why the series cannot be preprocessed, or where its tensors are.</summary>
public sealed record PreprocessingOutcome(string? Failure, string TensorsKey = "", IReadOnlyList<string>? BatchKeys = null, int FrameCount = 0)
{
    public static PreprocessingOutcome Failed(string reason) => new(reason);
}
