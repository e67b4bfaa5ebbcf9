namespace MedPipeline.Dicom.Parsing;

/// <summary>
/// A top-level element: where its value lies in the dataset buffer. For encapsulated pixel data,
/// Offset/Length locate the Basic Offset Table and <see cref="Fragments"/> the fragments after it.
/// </summary>
public sealed record DicomElement(DicomTag Tag, string Vr, int Offset, int Length, IReadOnlyList<Range>? Fragments = null);
