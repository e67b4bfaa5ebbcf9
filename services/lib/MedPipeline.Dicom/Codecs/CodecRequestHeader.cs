namespace MedPipeline.Dicom.Codecs;

/// <summary>What the child is asked to decode: exactly one of a DICOM frame or an image file.</summary>
public sealed record CodecRequestHeader(CodecFrameRequest? Frame, CodecImageRequest? Image);
