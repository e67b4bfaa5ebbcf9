using System.Buffers;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.ModelInput;
using MedPipeline.Storage;

namespace MedPipeline.Inference.Heatmaps;

/// <summary>
/// One frame of a stored source instance as a viewer shows it, decoded as the Preprocessor decodes it (straight from the
/// pixel data the Unpacker's index located, compressed syntaxes through the codec processes). Only the k deciding frames
/// come here, so the worker never holds a series' pixels.
/// </summary>
public sealed class SourceFrameReader(ISeriesStore store, ICompressedFrameDecoder? codecs = null)
{
    public async Task<DisplayImage> ReadAsync(IndexedInstance image, int frame, PreprocessingSpec spec, CancellationToken cancellationToken)
    {
        var name = image.FileName;
        await using var stream = store.OpenRead(image.Key, image.Offset, image.Bytes);
        if (stream.Length > Math.Min(DicomReadLimits.Default.MaxFileBytes, Array.MaxLength))
        {
            throw new DicomReadException(name, DicomFailureReason.TooLarge, $"the file is larger than {DicomReadLimits.Default.MaxFileBytes} bytes");
        }

        var length = (int)stream.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        IReadOnlyList<ImageFrame> frames;
        try
        {
            await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            var bytes = buffer.AsMemory(0, length);
            frames = image.PixelData is { } pixels && length == image.Bytes
                ? await RecordedPixelDecoder.DecodeFramesAsync(bytes, name, image.Info, pixels, codecs, cancellationToken: cancellationToken)
                : await DicomFile.Read(bytes, name).DecodeFramesAsync(codecs, cancellationToken: cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        try
        {
            return DisplayImage.Of(frames[frame - 1], spec);
        }
        finally
        {
            foreach (var decoded in frames)
            {
                decoded.Dispose();
            }
        }
    }
}
