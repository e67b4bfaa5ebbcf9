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

    /// <summary>The codec child process died or passed its memory limit while decoding (and was killed).</summary>
    DecoderCrashed,

    /// <summary>The codec child process did not answer within its time limit (and was killed).</summary>
    DecoderTimedOut,
}
