namespace MedPipeline.Imaging;

/// <summary>A typed failure to decode a PNG or JPEG, with the codec's own words.</summary>
public sealed class ImageDecodeException(ImageDecodeFailure failure, string message) : Exception(message)
{
    public ImageDecodeFailure Failure { get; } = failure;
}
