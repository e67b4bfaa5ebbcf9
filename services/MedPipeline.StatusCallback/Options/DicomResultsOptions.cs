using System.ComponentModel.DataAnnotations;
using MedPipeline.Dicom.Reports;

namespace MedPipeline.StatusCallback.Options;

/// <summary>How the DICOM results are made and sent ("StatusCallback:DicomResults"); where they go is per organization.</summary>
public sealed class DicomResultsOptions
{
    public const string Section = "StatusCallback:DicomResults";

    /// <summary>
    /// The root of every new UID (series, SR, images): the deploying organization's own, at most 24 characters so that
    /// root.{a Guid as a number} stays within 64. The default 2.25 makes them plain UUID-derived UIDs.
    /// </summary>
    [Required]
    [MaxLength(DicomUids.MaxRootLength)]
    [RegularExpression(@"^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*$")]
    public string UidRoot { get; set; } = "2.25";

    /// <summary>Series Number of the SR's series; the heatmap images' series gets the next.</summary>
    [Range(1, 99_999)]
    public int SeriesNumber { get; set; } = 9901;

    /// <summary>Attempts of one STOW-RS request, the first included.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Delay before the first retry; doubles each time (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
