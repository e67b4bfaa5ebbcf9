namespace MedPipeline.Preprocessor.Series;

/// <summary>Either why the series cannot be preprocessed, or where its tensors are.</summary>
public sealed record PreprocessingOutcome
{
    public string? Failure { get; init; }

    public string TensorsKey { get; init; } = "";

    public IReadOnlyList<string> BatchKeys { get; init; } = [];

    public int FrameCount { get; init; }

    public static PreprocessingOutcome Failed(string reason) => new() { Failure = reason };
}
