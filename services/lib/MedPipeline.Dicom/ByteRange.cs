namespace MedPipeline.Dicom;

/// <summary>A run of bytes in a file (serializable, unlike <see cref="System.Range"/>).</summary>
public sealed record ByteRange(int Offset, int Length);
