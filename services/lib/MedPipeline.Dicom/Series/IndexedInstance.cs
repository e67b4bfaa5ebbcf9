namespace MedPipeline.Dicom.Series;

/// <summary>
/// One image of an <see cref="InstanceIndex"/>: its place in the series, where it is, its size in bytes
/// (a file of another size is not the one indexed), its attributes and where its pixel data lies
/// (null when it must be parsed again, as for deflated files).
/// </summary>
public sealed record IndexedInstance(int Order, string Key, string Name, long Bytes, DicomImageInfo Info, PixelDataLocation? PixelData);
