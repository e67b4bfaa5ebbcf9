namespace MedPipeline.Dicom;

/// <summary>
/// One frame of encapsulated pixel data whose codec is not managed (JPEG family, JPEG-LS, JPEG 2000),
/// already validated by the managed reader: the frame's fragments concatenated, and the image pixel
/// module attributes a codec needs. Handed to an <see cref="ICompressedFrameDecoder"/>.
/// </summary>
public sealed record CompressedFrame
{
    /// <summary>File name for error messages.</summary>
    public required string Source { get; init; }

    public required string TransferSyntaxUid { get; init; }

    public required int Rows { get; init; }

    public required int Columns { get; init; }

    public required int SamplesPerPixel { get; init; }

    public required int BitsAllocated { get; init; }

    public required int BitsStored { get; init; }

    /// <summary>DICOM Pixel Representation: 0 unsigned, 1 signed.</summary>
    public required int PixelRepresentation { get; init; }

    /// <summary>As in the file, e.g. MONOCHROME2, RGB, YBR_FULL_422, YBR_ICT.</summary>
    public required string PhotometricInterpretation { get; init; }

    public int PlanarConfiguration { get; init; }

    /// <summary>The compressed bitstream of this frame (its fragments concatenated).</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }
}
