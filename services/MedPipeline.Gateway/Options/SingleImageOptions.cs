using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Options;

/// <summary>Limits of POST /inference and POST /predict ("Gateway:SingleImage").</summary>
public sealed class SingleImageOptions
{
    public const string Section = "Gateway:SingleImage";

    /// <summary>Largest accepted file; larger uploads are answered 413.</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Budget for one request's decoded frames (frames × width × height × channels × 4 bytes), checked against the
    /// declared geometry before decoding; a file declaring more is answered 413.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxDecodedBytes { get; set; } = ModelRunner.PredictionOptions.DefaultMaxDecodedBytes;

    /// <summary>Single-image decodes in flight at once across all requests; more wait their turn.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentDecodes { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The prediction limits with this section's decode budget applied.</summary>
    public ModelRunner.PredictionOptions Apply(ModelRunner.PredictionOptions prediction) => new()
    {
        MaxConcurrentRunsPerModel = prediction.MaxConcurrentRunsPerModel,
        MaxPixels = prediction.MaxPixels,
        MaxFrames = prediction.MaxFrames,
        MaxDecodedBytes = MaxDecodedBytes,
        MaxConcurrentDecodes = MaxConcurrentDecodes,
    };
}
