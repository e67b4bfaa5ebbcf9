using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Preprocessor.Options;

/// <summary>What one series may cost the Preprocessor ("Preprocessor:Limits"); past either budget the series fails before any decoding.</summary>
public sealed class SeriesLimitsOptions
{
    public const string Section = "Preprocessor:Limits";

    /// <summary>All frames × the model's input tensor × 4 bytes: what the series writes to the store for inference.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxTensorBytes { get; set; } = 4L * 1024 * 1024 * 1024;

    /// <summary>All frames × their declared width × height × channels × 4 bytes: the decoding work the series asks for.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxDecodedBytes { get; set; } = 64L * 1024 * 1024 * 1024;
}
