namespace MedPipeline.Dicom.Pixels;

/// <summary>The bytes of a file and where its pixel data lies, from a parsed dataset or a recorded location.</summary>
internal sealed record PixelSource(string Source, ReadOnlyMemory<byte> Buffer, TransferSyntax TransferSyntax, DicomImageInfo Info, int Offset, int Length,
    IReadOnlyList<Range>? Fragments);
