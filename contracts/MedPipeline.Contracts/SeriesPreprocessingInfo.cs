namespace MedPipeline.Contracts;

/// <summary>What preprocessing did to the series' frames (from the first frame; every frame follows the same manifest).</summary>
public sealed record SeriesPreprocessingInfo
{
    public int FrameCount { get; init; }

    public int SourceWidth { get; init; }

    public int SourceHeight { get; init; }

    public int TargetWidth { get; init; }

    public int TargetHeight { get; init; }

    public string Windowing { get; init; } = "";

    public double WindowLow { get; init; }

    public double WindowHigh { get; init; }

    public bool Inverted { get; init; }

    public string Resize { get; init; } = "";
}
