namespace MedPipeline.ModelInput;

/// <summary>What preprocessing did to one frame, reported with results ("the image as the model saw it").</summary>
public sealed record PreprocessingSummary(
    int SourceWidth,
    int SourceHeight,
    int TargetWidth,
    int TargetHeight,
    string Windowing,
    double WindowLow,
    double WindowHigh,
    bool Inverted,
    string Resize);
