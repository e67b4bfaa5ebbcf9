namespace MedPipeline.Dicom.Series;

/// <summary>
/// One image instance of a series, in series order: where it is (a path, or a store key when read through
/// a stream opener), its attributes, its size, and where its pixel data lies (null for deflated files).
/// </summary>
public sealed record SeriesInstance(string Name, string Path, DicomImageInfo Info, double? SlicePosition, long Bytes = 0, PixelDataLocation? PixelData = null);
