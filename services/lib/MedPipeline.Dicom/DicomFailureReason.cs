namespace MedPipeline.Dicom;

/// <summary>Why a file could not be turned into pixels. Stable names: they reach users in failure reasons.</summary>
public enum DicomFailureReason
{
    /// <summary>No DICM prefix / not a parseable Part-10 or raw DICOM stream.</summary>
    NotDicom,

    /// <summary>A valid DICOM object without an image (SR, RT plan, waveform, presentation state...).</summary>
    NoPixelData,

    /// <summary>The bytes end before an element, item or the pixel data does.</summary>
    Truncated,

    /// <summary>Attributes contradict each other or the pixel data (sizes, bit depths, fragment counts).</summary>
    Inconsistent,

    /// <summary>A transfer syntax we neither read nor can hand to a codec.</summary>
    UnsupportedTransferSyntax,

    /// <summary>Above a configured cap (element length, frame count, pixel count, nesting depth).</summary>
    TooLarge,

    /// <summary>The isolated codec process died (signal or abnormal exit) while decoding this frame.</summary>
    DecoderCrashed,

    /// <summary>The isolated codec process did not answer within its time limit and was killed.</summary>
    DecoderTimedOut,

    /// <summary>The codec reported that the compressed data is invalid.</summary>
    DecoderFailed,

    /// <summary>The file's bytes differ from the CRC-32 its ZIP archive recorded for them: the upload was damaged.</summary>
    Damaged,
}
