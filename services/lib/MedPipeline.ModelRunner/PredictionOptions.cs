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

    /// <summary>
    /// Budget for one request's decoded frames (frames × width × height × channels × 4 bytes of float32 samples),
    /// checked against the file's declared geometry before any pixel buffer is allocated.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxDecodedBytes { get; set; } = DefaultMaxDecodedBytes;

    /// <summary>Decodes in flight at once across all requests, so allowed-but-large images cannot multiply memory.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentDecodes { get; set; } = Math.Max(1, Environment.ProcessorCount);

    public const long DefaultMaxDecodedBytes = 256L * 1024 * 1024;
}
