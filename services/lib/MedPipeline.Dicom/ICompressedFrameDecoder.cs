using MedPipeline.Imaging;

namespace MedPipeline.Dicom;

/// <summary>
/// Decodes a compressed frame to stored values. The production implementation runs GDCM in isolated
/// child processes; failures are <see cref="DicomReadException"/> with DecoderCrashed,
/// DecoderTimedOut, DecoderFailed or UnsupportedTransferSyntax.
/// </summary>
public interface ICompressedFrameDecoder
{
    /// <summary>Transfer syntax UIDs this decoder accepts.</summary>
    IReadOnlySet<string> SupportedTransferSyntaxes { get; }

    /// <summary>
    /// Returns the decoded frame; colour is converted to <see cref="ColorModel.Rgb"/> (from YBR_*),
    /// and <paramref name="values"/> is carried over unchanged.
    /// </summary>
    Task<ImageFrame> DecodeAsync(CompressedFrame frame, PixelValueInfo values, CancellationToken cancellationToken);
}
