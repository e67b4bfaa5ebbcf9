using System.ComponentModel.DataAnnotations;

namespace MedPipeline.Orchestrator.Options;

/// <summary>How long each stage may take before the series fails ("Orchestrator:Timeouts").</summary>
public sealed class StageTimeouts
{
    public const string Section = "Orchestrator:Timeouts";

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Unpack { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Preprocess { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Inference { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Making and exporting the DICOM results, export retries included; past it the series completes without them.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DicomResults { get; set; } = TimeSpan.FromMinutes(5);
}
