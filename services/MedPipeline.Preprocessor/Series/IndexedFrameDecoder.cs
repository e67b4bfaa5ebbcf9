using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.Storage;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// Decodes the frames of one indexed image straight from where its pixel data lies. Only a file the index
/// cannot vouch for (no recorded location, as for deflated files, or another size than indexed) is parsed.
/// </summary>
public sealed class IndexedFrameDecoder(ISeriesStore store, ICompressedFrameDecoder? codecs = null)
{
    public async Task<IReadOnlyList<ImageFrame>> DecodeAsync(IndexedInstance image, string name, CancellationToken cancellationToken)
    {
        var bytes = await ReadAsync(image.Key, name, cancellationToken);
        return image.PixelData is { } pixels && bytes.Length == image.Bytes
            ? await RecordedPixelDecoder.DecodeFramesAsync(bytes, name, image.Info, pixels, codecs, cancellationToken: cancellationToken)
            : await DicomFile.Read(bytes, name).DecodeFramesAsync(codecs, cancellationToken: cancellationToken);
    }

    private async Task<byte[]> ReadAsync(string key, string name, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(key);
        if (stream.Length > Math.Min(DicomReadLimits.Default.MaxFileBytes, Array.MaxLength))
        {
            throw new DicomReadException(name, DicomFailureReason.TooLarge, $"the file is larger than {DicomReadLimits.Default.MaxFileBytes} bytes");
        }

        var bytes = new byte[stream.Length];
        await stream.ReadExactlyAsync(bytes, cancellationToken);
        return bytes;
    }
}
