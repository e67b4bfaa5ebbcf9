using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Inference.Options;

/// <summary>Series heatmaps ("Heatmaps" section): how many of the frames that decided a result get one.</summary>
public sealed class HeatmapOptions
{
    public const string Section = "Heatmaps";

    /// <summary>
    /// Frames per series with a heatmap (highest reconstruction error, or highest probability of the positive or predicted
    /// class); 0 makes none. Each costs a source decode and one model run (an occlusion batch for a classifier).
    /// </summary>
    [Range(0, 32)]
    public int TopK { get; set; } = 3;
}
