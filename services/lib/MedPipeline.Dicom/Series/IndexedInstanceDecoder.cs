using System.Buffers;
using System.IO.Hashing;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Series;

/// <summary>
/// Decodes the frames of one indexed image from its bytes, straight from where its pixel data lies. Only a file the index
/// cannot vouch for (no recorded location, as for deflated files, or another size than indexed) is parsed again. An
/// entry read in place from the upload is checked against the CRC-32 its ZIP recorded, as extracting it would have been.
/// The bytes sit in a pooled buffer only while decoding: the frames own copies of their pixels.
/// </summary>
public static class IndexedInstanceDecoder
{
    public static async Task<IReadOnlyList<ImageFrame>> DecodeAsync(Stream bytesOfImage, IndexedInstance image, ICompressedFrameDecoder? codecs,
        CancellationToken cancellationToken)
    {
        var name = image.FileName;
        if (bytesOfImage.Length > Math.Min(DicomReadLimits.Default.MaxFileBytes, Array.MaxLength))
        {
            throw new DicomReadException(name, DicomFailureReason.TooLarge, $"the file is larger than {DicomReadLimits.Default.MaxFileBytes} bytes");
        }

        var length = (int)bytesOfImage.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await bytesOfImage.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var bytes = buffer.AsMemory(0, length);
            if (image.Crc32 is { } recorded && Crc32.HashToUInt32(bytes.Span) is var actual && actual != recorded)
            {
                throw new DicomReadException(name, DicomFailureReason.Damaged,
                    $"its bytes do not match the CRC-32 the ZIP archive recorded for it ({recorded:x8}, read {actual:x8}): the upload is damaged");
            }

            return image.PixelData is { } pixels && length == image.Bytes
                ? await RecordedPixelDecoder.DecodeFramesAsync(bytes, name, image.Info, pixels, codecs, cancellationToken: cancellationToken)
                : await DicomFile.Read(bytes, name).DecodeFramesAsync(codecs, cancellationToken: cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
