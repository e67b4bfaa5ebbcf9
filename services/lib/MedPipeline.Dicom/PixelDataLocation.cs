namespace MedPipeline.Dicom;

/// <summary>
/// Where the pixel data of a file lies in its bytes, as the header parse found it, so a later reader can
/// decode the frames without parsing the header again. Native data: <see cref="Offset"/>/<see cref="Length"/>
/// are the value. Encapsulated: they locate the Basic Offset Table and <see cref="Fragments"/> the fragments.
/// </summary>
public sealed record PixelDataLocation(int Offset, int Length, IReadOnlyList<ByteRange>? Fragments = null);
