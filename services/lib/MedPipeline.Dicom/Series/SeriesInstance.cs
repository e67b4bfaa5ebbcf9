namespace MedPipeline.Dicom.Series;

/// <summary>One image instance of a series, in series order.</summary>
public sealed record SeriesInstance(string Name, string Path, DicomImageInfo Info, double? SlicePosition);
