namespace MedPipeline.Contracts;

/// <summary>The DICOM objects made from a series' result and where they were sent; travels in the callback's result.</summary>
public sealed record DicomResults
{
    /// <summary>SOP Instance UID of the Comprehensive SR; null when it could not be made (<see cref="Failure"/> says why).</summary>
    public string? StructuredReportUid { get; init; }

    /// <summary>SOP Instance UIDs of the secondary-capture heatmaps (anomaly models with heatmaps only).</summary>
    public IReadOnlyList<string> SecondaryCaptureUids { get; init; } = [];

    /// <summary>The series the objects belong to (new, in the source study).</summary>
    public string? SeriesInstanceUid { get; init; }

    public IReadOnlyList<DicomExportOutcome> Exports { get; init; } = [];

    /// <summary>Why the objects were not (all) made; the prediction stands regardless.</summary>
    public string? Failure { get; init; }
}
