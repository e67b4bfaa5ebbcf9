using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Options;

/// <summary>Limits of POST /api/studies/series/predict ("Gateway:Upload").</summary>
public sealed class UploadOptions
{
    public const string Section = "Gateway:Upload";

    /// <summary>Largest accepted ZIP; a larger upload is answered 413 and nothing is kept.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxArchiveBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>How long handing the command to RabbitMQ may take before the request is refused with 503 (and the upload removed).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
