using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Options;

/// <summary>Limits of POST /inference and POST /predict ("Gateway:SingleImage").</summary>
public sealed class SingleImageOptions
{
    public const string Section = "Gateway:SingleImage";

    /// <summary>Largest accepted file; larger uploads are answered 413.</summary>
    [Range(1024, 2L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 64L * 1024 * 1024;
}
