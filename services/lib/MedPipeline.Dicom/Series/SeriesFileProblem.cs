namespace MedPipeline.Dicom.Series;

/// <summary>A file of the series that is not a usable image: unreadable (with the reason) or a non-image object.</summary>
public sealed record SeriesFileProblem(string Name, DicomFailureReason Reason, string Detail);
