namespace MedPipeline.Contracts;

/// <summary>How sending the DICOM results to one STOW-RS destination went.</summary>
public sealed record DicomExportOutcome
{
    /// <summary>The destination's name: its host, never its credentials.</summary>
    public string Destination { get; init; } = "";

    /// <summary>"stored" or "failed".</summary>
    public string Outcome { get; init; } = "";

    public string? Reason { get; init; }

    public int Attempts { get; init; }

    public int Instances { get; init; }

    public DateTimeOffset At { get; init; }

    public double DurationMs { get; init; }
}
