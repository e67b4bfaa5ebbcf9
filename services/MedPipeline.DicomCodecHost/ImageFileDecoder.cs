using MedPipeline.Dicom.Codecs;
using MedPipeline.Imaging;

namespace MedPipeline.DicomCodecHost;

/// <summary>
/// Decodes an uploaded PNG or JPEG with the libspng or TurboJPEG adapter. The parent already checked the declared
/// layout against its budget; the adapter is held to exactly that many pixels and bytes, so a file whose codec
/// reads a larger header than the parent did is refused here before any buffer is allocated.
/// </summary>
internal static class ImageFileDecoder
{
    public static (CodecResponseHeader Header, byte[] Samples) Decode(CodecImageRequest request, byte[] data)
    {
        var declared = request.Layout;
        try
        {
            if (ImageFormatSniffer.Detect(data) != request.Format)
            {
                throw new ImageDecodeException(ImageDecodeFailure.NotAnImage, $"the file is not the {request.Format} the request names");
            }

            var maxPixels = (long)declared.Width * declared.Height;
            var image = ImageDecoder.DecodePacked(data, maxPixels, DecodeBudget.DecodedBytes(declared.Width, declared.Height, declared.Channels));
            return FaultHook.Distort(new CodecResponseHeader(true, "", null, 0, null, image.Layout), image.Samples);
        }
        catch (ImageDecodeException e)
        {
            return (new CodecResponseHeader(false, e.Message, null, 0, e.Failure), []);
        }
    }
}
