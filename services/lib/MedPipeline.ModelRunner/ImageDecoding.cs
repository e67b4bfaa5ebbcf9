using System.Globalization;
using MedPipeline.Dicom;
using MedPipeline.Imaging;

namespace MedPipeline.ModelRunner;

/// <summary>Any accepted upload (DICOM, PNG, JPEG) to frames, with every decoding failure turned into a <see cref="PredictionException"/>.</summary>
internal static class ImageDecoding
{
    public static async Task<(IReadOnlyList<ImageFrame> Frames, string Format)> DecodeAsync(
        ReadOnlyMemory<byte> file, string fileName, ICompressedFrameDecoder? codecs, IImageFileDecoder images, PredictionOptions options,
        CancellationToken cancellationToken)
    {
        var format = ImageFormatSniffer.Detect(file.Span);
        try
        {
            switch (format)
            {
                case ImageFormat.Dicom:
                    var limits = DicomLimits(options);
                    var dataset = DicomFile.Read(file, fileName, limits);
                    CheckDecodeBudget(dataset.Image, fileName, options.MaxDecodedBytes);
                    return (await dataset.DecodeFramesAsync(codecs, limits, cancellationToken), "dicom");
                case ImageFormat.Png or ImageFormat.Jpeg:
                    return ([await images.DecodeImageAsync(file, options.MaxPixels, options.MaxDecodedBytes, cancellationToken)], format == ImageFormat.Png ? "png" : "jpeg");
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
                ImageDecodeFailure.OverDecodeBudget => PredictionError.OverDecodeBudget,
                _ => PredictionError.InvalidImage,
            }, $"'{fileName}': {e.Message}", e);
        }
    }

    /// <summary>
    /// A deflated dataset inflates before its header can be read, so the inflation is capped near the budget too:
    /// stored samples are never wider than the float32 samples the budget counts.
    /// </summary>
    private static DicomReadLimits DicomLimits(PredictionOptions options) => DicomReadLimits.Default with
    {
        MaxFrames = options.MaxFrames,
        MaxPixelsPerFrame = options.MaxPixels,
        MaxInflatedBytes = Math.Min(DicomReadLimits.Default.MaxInflatedBytes, options.MaxDecodedBytes + HeaderSlackBytes),
    };

    private const long HeaderSlackBytes = 4L * 1024 * 1024;

    private static void CheckDecodeBudget(DicomImageInfo info, string fileName, long maxDecodedBytes)
    {
        var bytes = DecodeBudget.DecodedBytes(info.Columns ?? 0, info.Rows ?? 0, info.SamplesPerPixel ?? 1, Math.Max(1, info.NumberOfFrames));
        if (bytes > maxDecodedBytes)
        {
            throw new PredictionException(PredictionError.OverDecodeBudget, string.Create(CultureInfo.InvariantCulture,
                $"'{fileName}' declares {info.NumberOfFrames} frame(s) of {info.Columns}×{info.Rows}×{info.SamplesPerPixel ?? 1}, {bytes} bytes once decoded, above the decode budget of {maxDecodedBytes} bytes"));
        }
    }
}
