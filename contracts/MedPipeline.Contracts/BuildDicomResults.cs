namespace MedPipeline.Contracts;

/// <summary>
/// Make the DICOM results of a completed series (a Comprehensive SR, and for anomaly models a secondary capture per
/// heatmap), store them and send them to the organization's DICOMweb destination; answered by <see cref="DicomResultsBuilt"/>.
/// </summary>
public sealed record BuildDicomResults
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string Organization { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    /// <summary>Where the Unpacker put the source instances (their index lies beside it).</summary>
    public string InstancesKey { get; init; } = "";

    public SeriesPrediction Prediction { get; init; } = new();

    public IReadOnlyList<InstanceHeatmap> Heatmaps { get; init; } = [];
}
