namespace MedPipeline.Dicom;

/// <summary>Caps that keep a hostile file from costing more than a real one could; past them: TooLarge.</summary>
public sealed record DicomReadLimits
{
    public static readonly DicomReadLimits Default = new();

    public long MaxFileBytes { get; init; } = 1L << 31;

    public long MaxInflatedBytes { get; init; } = 1L << 31;

    public int MaxDepth { get; init; } = 16;

    public int MaxFrames { get; init; } = 10_000;

    public long MaxPixelsPerFrame { get; init; } = 16_384L * 16_384;

    public int MaxElements { get; init; } = 1_000_000;
}
