using System.Globalization;
using MedPipeline.Dicom.Pixels;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom;

/// <summary>
/// Decodes the frames of a file whose header was parsed before (its attributes and where its pixel data
/// lies, as recorded then): no second header parse. A location that does not fit the bytes is an error.
/// </summary>
public static class RecordedPixelDecoder
{
    public static async Task<IReadOnlyList<ImageFrame>> DecodeFramesAsync(ReadOnlyMemory<byte> file, string source, DicomImageInfo info, PixelDataLocation location,
        ICompressedFrameDecoder? codecs = null, DicomReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var syntax = TransferSyntax.Parse(info.TransferSyntaxUid) is { Deflated: false } parsed ? parsed
            : throw new DicomReadException(source, DicomFailureReason.UnsupportedTransferSyntax,
                $"transfer syntax '{info.TransferSyntaxUid}' cannot be decoded from a recorded pixel data location");
        bool Fits(int offset, int length) => offset >= 0 && length >= 0 && (long)offset + length <= file.Length;
        if (!Fits(location.Offset, location.Length) || location.Fragments?.Any(f => !Fits(f.Offset, f.Length)) == true)
        {
            throw new DicomReadException(source, DicomFailureReason.Truncated,
                string.Create(CultureInfo.InvariantCulture, $"the recorded pixel data location does not fit the file's {file.Length} bytes"));
        }

        var fragments = location.Fragments?.Select(f => new Range(f.Offset, f.Offset + f.Length)).ToList();
        return await DicomPixelDecoder.DecodeAsync(new PixelSource(source, file, syntax, info, location.Offset, location.Length, fragments), codecs, limits, cancellationToken);
    }
}
