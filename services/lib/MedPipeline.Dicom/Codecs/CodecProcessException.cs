namespace MedPipeline.Dicom.Codecs;

/// <summary>A codec child that was killed for its request; the pool turns it into the caller's typed error.</summary>
internal sealed class CodecProcessException(CodecProcessFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public CodecProcessFailure Failure { get; } = failure;
}
