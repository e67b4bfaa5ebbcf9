using System.Buffers;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.Storage;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Decodes the frames of one indexed image straight from where its pixel data lies. Only a file the index
/// cannot vouch for (no recorded location, as for deflated files, or another size than indexed) is parsed.
/// The file's bytes sit in a pooled buffer only while decoding: the frames own copies of their pixels.
/// </summary>
public sealed class IndexedFrameDecoder(ISeriesStore store, ICompressedFrameDecoder? codecs = null)
{
    public async Task<IReadOnlyList<ImageFrame>> DecodeAsync(IndexedInstance image, string name, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(image.Key, image.Offset, image.Bytes);
        if (stream.Length > Math.Min(DicomReadLimits.Default.MaxFileBytes, Array.MaxLength))
        {
            throw new DicomReadException(name, DicomFailureReason.TooLarge, $"the file is larger than {DicomReadLimits.Default.MaxFileBytes} bytes");
        }

        var length = (int)stream.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var bytes = buffer.AsMemory(0, length);
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
