namespace MedPipeline.Imaging;

/// <summary>Why a PNG or JPEG could not be decoded.</summary>
public enum ImageDecodeFailure
{
    NotAnImage,
    Corrupt,
    Unsupported,
    TooLarge,

    /// <summary>The declared image would decode to more bytes than the caller's decode budget allows.</summary>
    OverDecodeBudget,
}
