using MedPipeline.Dicom;
using MedPipeline.Imaging;

namespace MedPipeline.Testing;

/// <summary>A stand-in for the codec process pool: records what it was handed and fails with DecoderFailed.</summary>
public sealed class RecordingCodec : ICompressedFrameDecoder
{
    public List<CompressedFrame> Frames { get; } = [];

    public IReadOnlySet<string> SupportedTransferSyntaxes => TransferSyntax.CodecUids;

    public Task<ImageFrame> DecodeAsync(CompressedFrame frame, PixelValueInfo values, CancellationToken cancellationToken)
    {
        Frames.Add(frame);
        throw new DicomReadException(frame.Source, DicomFailureReason.DecoderFailed, "recorded by the test codec");
    }
}
