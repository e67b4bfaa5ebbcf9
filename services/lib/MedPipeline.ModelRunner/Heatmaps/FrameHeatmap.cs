namespace MedPipeline.ModelRunner.Heatmaps;

/// <summary>The heatmap of one frame (1-based) of a single-image answer, and how long it took to make.</summary>
public sealed record FrameHeatmap(int Frame, Heatmap Heatmap, double Milliseconds);
