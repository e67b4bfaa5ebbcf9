namespace MedPipeline.Dicom.Codecs;

/// <summary>The codec's verdict: OK with the decoded layout, or the reason it failed.</summary>
public sealed record CodecResponseHeader(bool Ok, string Message, string? PhotometricInterpretation, int PlanarConfiguration);
