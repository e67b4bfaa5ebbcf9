namespace MedPipeline.Dicom.Codecs;

/// <summary>How a codec child failed a request it was given (its own verdicts travel in <see cref="CodecResponseHeader"/>).</summary>
internal enum CodecProcessFailure
{
    /// <summary>It died, closed its pipe, answered garbage or passed its memory limit.</summary>
    Crashed,

    /// <summary>It did not answer within <see cref="CodecPoolOptions.RequestTimeout"/>.</summary>
    TimedOut,
}
