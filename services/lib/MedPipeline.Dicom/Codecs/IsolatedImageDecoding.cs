using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// A PNG or JPEG upload through a codec child: the header is read here in managed code and checked against the
/// decode budget and pixel limit before anything is sent; the child decodes with libspng or TurboJPEG; its answer
/// must have exactly the layout the header declared, and only then is it widened into a frame here.
/// </summary>
internal static class IsolatedImageDecoding
{
    public static async Task<ImageFrame> DecodeAsync(CodecProcessPool pool, ReadOnlyMemory<byte> file, long maxPixels, long maxDecodedBytes,
        CancellationToken cancellationToken)
    {
        var format = ImageFormatSniffer.Detect(file.Span);
        var layout = ImageHeaderReader.Read(format, file.Span);
        var name = format == ImageFormat.Png ? "PNG" : "JPEG";
        DecodeBudget.Check(name, layout, maxPixels, maxDecodedBytes);
        CodecResponseHeader header;
        byte[] samples;
        try
        {
            (header, samples) = await pool.ExchangeAsync(new CodecRequestHeader(null, new CodecImageRequest(format, layout)), file, layout.PackedBytes,
                cancellationToken);
        }
        catch (CodecProcessException e)
        {
            var failure = e.Failure == CodecProcessFailure.TimedOut ? ImageDecodeFailure.DecoderTimedOut : ImageDecodeFailure.DecoderCrashed;
            throw new ImageDecodeException(failure, $"{name}: {e.Message}");
        }

        if (!header.Ok)
        {
            throw new ImageDecodeException(header.Failure ?? ImageDecodeFailure.Corrupt, header.Message);
        }

        if (header.Image != layout)
        {
            throw new ImageDecodeException(ImageDecodeFailure.Corrupt,
                $"{name}: the codec decoded {Describe(header.Image)}, not the {Describe(layout)} image its header declares");
        }

        return PackedImage.ToFrame(layout, samples);
    }

    private static string Describe(RasterLayout? layout) =>
        layout is null ? "nothing" : $"{layout.Width}×{layout.Height} {layout.Color} {layout.BitsStored}-bit";
}
