using System.ComponentModel.DataAnnotations;

namespace MedPipeline.ModelRunner;

/// <summary>Limits of single-image prediction ("Prediction" section).</summary>
public sealed class PredictionOptions
{
    public const string Section = "Prediction";

    /// <summary>Runs of one model at once; more requests wait their turn instead of oversubscribing the cores.</summary>
    [Range(1, 256)]
    public int MaxConcurrentRunsPerModel { get; set; } = Math.Max(1, Environment.ProcessorCount);

    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 8192L * 8192;

    [Range(1, 10_000)]
    public int MaxFrames { get; set; } = 512;
}
