using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Gateway.Options;

/// <summary>Limits of POST /api/studies/series/predict ("Gateway:Upload").</summary>
public sealed class UploadOptions
{
    public const string Section = "Gateway:Upload";

    /// <summary>Largest accepted ZIP; a larger upload is answered 413 and nothing is kept.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxArchiveBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>
    /// Bytes of one organization's uploads that may wait in the store (accepted, not yet processed and deleted,
    /// uploads in progress included). Past it, a submission is answered 429 with Retry-After: one hospital's
    /// burst cannot fill the disk every other hospital's series need.
    /// </summary>
    [Range(1024, long.MaxValue)]
    public long MaxWaitingBytesPerOrganization { get; set; } = 64L * 1024 * 1024 * 1024;

    /// <summary>The Retry-After of that 429: series usually finish within it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WaitingBytesRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long handing the command to RabbitMQ may take before the request is refused with 503 (and the upload removed).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
