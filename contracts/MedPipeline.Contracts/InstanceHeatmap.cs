namespace MedPipeline.Contracts;

/// <summary>
/// Where the model looked on one frame that decided a series' result: a PNG at the source image's size, the error or
/// occlusion map colour-mapped over the image, kept in the series store (claim check) under <see cref="StoreKey"/>.
/// </summary>
public sealed record InstanceHeatmap
{
    public string SopInstanceUid { get; init; } = "";

    public int Frame { get; init; } = 1;

    /// <summary>The PNG's key in the series store.</summary>
    public string StoreKey { get; init; } = "";

    public int Width { get; init; }

    public int Height { get; init; }
}
