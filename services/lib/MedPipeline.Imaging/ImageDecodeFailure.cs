namespace MedPipeline.Imaging;

/// <summary>Why a PNG or JPEG could not be decoded.</summary>
public enum ImageDecodeFailure
{
    NotAnImage,
    Corrupt,
    Unsupported,
    TooLarge,
}
