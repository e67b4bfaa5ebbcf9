namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>A heatmap as an RGB PNG at the source image's size.</summary>
public sealed record Heatmap(int Width, int Height, byte[] Png);
