using System.Globalization;
using MedPipeline.Dicom.Pixels;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom;

/// <summary>
/// Decodes every frame of a dataset to <see cref="ImageFrame"/>s: native and RLE here, JPEG-family
/// and JPEG 2000 through an <see cref="ICompressedFrameDecoder"/> (isolated codec processes). Missing,
/// short or inconsistent pixel data is an error, never zero-filled pixels.
/// </summary>
public static class DicomPixelDecoder
{
    public static async Task<IReadOnlyList<ImageFrame>> DecodeFramesAsync(this DicomDataset dataset, ICompressedFrameDecoder? codecs = null,
        DicomReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var info = dataset.Image;
        var pixelData = dataset.PixelData;
        if (pixelData is null)
        {
            var what = dataset.Contains(DicomTag.FloatPixelData) || dataset.Contains(DicomTag.DoubleFloatPixelData)
                ? "it holds float pixel data, which is not supported"
                : $"it has no pixel data (SOP class {info.SopClassUid ?? "unknown"}, modality {info.Modality ?? "unknown"})";
            throw new DicomReadException(dataset.Source, DicomFailureReason.NoPixelData, $"not an image: {what}");
        }

        return await DecodeAsync(new PixelSource(dataset.Source, dataset.Buffer, dataset.TransferSyntax, info, pixelData.Offset, pixelData.Length, pixelData.Fragments),
            codecs, limits, cancellationToken);
    }

    internal static async Task<IReadOnlyList<ImageFrame>> DecodeAsync(PixelSource pixels, ICompressedFrameDecoder? codecs, DicomReadLimits? limits,
        CancellationToken cancellationToken)
    {
        var info = pixels.Info;
        var layout = PixelLayout.From(info, pixels.Source, limits ?? DicomReadLimits.Default);
        var values = new PixelValueInfo
        {
            BitsStored = layout.BitsStored,
            IsSigned = layout.Signed,
            RescaleSlope = info.RescaleSlope ?? 1,
            RescaleIntercept = info.RescaleIntercept ?? 0,
            WindowCenter = info.WindowCenter,
            WindowWidth = info.WindowWidth is > 0 ? info.WindowWidth : null,
            IsDicom = true,
        };
        if (pixels.Fragments is null)
        {
            return ReadNative(pixels, layout, values);
        }

        var frames = FrameFragments.Split(pixels.Buffer.Span, new Range(pixels.Offset, pixels.Offset + pixels.Length),
            pixels.Fragments, layout.Frames, pixels.Source);
        if (pixels.TransferSyntax.Rle)
        {
            return Collect(frames.Length, i => Decode(layout, values, frame => RleDecoder.DecodeFrame(frames[i], layout, pixels.Source, frame)));
        }

        if (codecs is null || !codecs.SupportedTransferSyntaxes.Contains(pixels.TransferSyntax.Uid))
        {
            throw new DicomReadException(pixels.Source, DicomFailureReason.UnsupportedTransferSyntax,
                $"pixel data in transfer syntax {pixels.TransferSyntax.Uid} needs a codec that is not available");
        }

        var decoded = new List<ImageFrame>(frames.Length);
        try
        {
            foreach (var bytes in frames)
            {
                decoded.Add(await codecs.DecodeAsync(new CompressedFrame
                {
                    Source = pixels.Source,
                    TransferSyntaxUid = pixels.TransferSyntax.Uid,
                    Rows = layout.Rows,
                    Columns = layout.Columns,
                    SamplesPerPixel = layout.SamplesPerPixel,
                    BitsAllocated = layout.BitsAllocated,
                    BitsStored = layout.BitsStored,
                    PixelRepresentation = layout.Signed ? 1 : 0,
                    PhotometricInterpretation = layout.Photometric,
                    PlanarConfiguration = layout.PlanarConfiguration,
                    Data = bytes,
                }, values, cancellationToken));
            }
        }
        catch
        {
            decoded.ForEach(f => f.Dispose());
            throw;
        }

        return decoded;
    }

    private static List<ImageFrame> ReadNative(PixelSource pixels, PixelLayout layout, PixelValueInfo values)
    {
        var (offset, length) = (pixels.Offset, pixels.Length);
        var needed = layout.NativeFrameBytes * layout.Frames;
        if (length < needed)
        {
            throw new DicomReadException(pixels.Source, length == 0 ? DicomFailureReason.NoPixelData : DicomFailureReason.Truncated,
                string.Create(CultureInfo.InvariantCulture,
                    $"the pixel data has {length} bytes; {layout.Frames} frame(s) of {layout.Rows}×{layout.Columns}×{layout.SamplesPerPixel} at {layout.BitsAllocated} bits need {needed}"));
        }

        var bigEndian = pixels.TransferSyntax.BigEndian;
        var frameBytes = (int)layout.NativeFrameBytes;
        return Collect(layout.Frames, i => Decode(layout, values, frame =>
            NativePixelReader.ReadFrame(pixels.Buffer.Span.Slice(offset + i * frameBytes, frameBytes), layout, bigEndian, frame)));
    }

    private static ImageFrame Decode(PixelLayout layout, PixelValueInfo values, Action<ImageFrame> fill)
    {
        var frame = new ImageFrame(layout.Columns, layout.Rows, layout.Color, values);
        try
        {
            fill(frame);
            return frame;
        }
        catch
        {
            frame.Dispose();
            throw;
        }
    }

    private static List<ImageFrame> Collect(int count, Func<int, ImageFrame> decode)
    {
        var frames = new List<ImageFrame>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                frames.Add(decode(i));
            }

            return frames;
        }
        catch
        {
            frames.ForEach(f => f.Dispose());
            throw;
        }
    }
}
