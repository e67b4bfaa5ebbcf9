using MedPipeline.Dicom;
using MedPipeline.Imaging;

namespace MedPipeline.ModelRunner;

/// <summary>Any accepted upload (DICOM, PNG, JPEG) to frames, with every decoding failure turned into a <see cref="PredictionException"/>.</summary>
internal static class ImageDecoding
{
    public static async Task<(IReadOnlyList<ImageFrame> Frames, string Format)> DecodeAsync(
        ReadOnlyMemory<byte> file, string fileName, ICompressedFrameDecoder? codecs, PredictionOptions options, CancellationToken cancellationToken)
    {
        var format = ImageFormatSniffer.Detect(file.Span);
        try
        {
            switch (format)
            {
                case ImageFormat.Dicom:
                    var limits = DicomReadLimits.Default with { MaxFrames = options.MaxFrames, MaxPixelsPerFrame = options.MaxPixels };
                    return (await DicomFile.Read(file, fileName, limits).DecodeFramesAsync(codecs, limits, cancellationToken), "dicom");
                case ImageFormat.Png or ImageFormat.Jpeg:
                    return ([ImageDecoder.Decode(file.Span, options.MaxPixels)], format == ImageFormat.Png ? "png" : "jpeg");
                default:
                    throw new PredictionException(PredictionError.NotAnImage,
                        $"'{fileName}' is not an image: expected a DICOM Part-10 file, a PNG or a JPEG (judged by its first bytes)");
            }
        }
        catch (DicomReadException e)
        {
            throw new PredictionException(e.Reason switch
            {
                DicomFailureReason.NoPixelData => PredictionError.NoPixelData,
                DicomFailureReason.UnsupportedTransferSyntax or DicomFailureReason.NotDicom => PredictionError.UnsupportedFormat,
                DicomFailureReason.TooLarge => PredictionError.TooLarge,
                _ => PredictionError.InvalidImage,
            }, e.Message, e);
        }
        catch (ImageDecodeException e)
        {
            throw new PredictionException(e.Failure switch
            {
                ImageDecodeFailure.NotAnImage => PredictionError.NotAnImage,
                ImageDecodeFailure.Unsupported => PredictionError.UnsupportedFormat,
                ImageDecodeFailure.TooLarge => PredictionError.TooLarge,
                _ => PredictionError.InvalidImage,
            }, $"'{fileName}': {e.Message}", e);
        }
    }
}
