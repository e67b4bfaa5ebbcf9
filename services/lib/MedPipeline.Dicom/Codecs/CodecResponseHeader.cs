using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// The codec's verdict: OK with the decoded layout (photometric and planar configuration for a DICOM frame,
/// <see cref="Image"/> for an image file), or the reason it failed (<see cref="Failure"/> typed for an image file).
/// </summary>
public sealed record CodecResponseHeader(bool Ok, string Message, string? PhotometricInterpretation, int PlanarConfiguration,
    ImageDecodeFailure? Failure = null, RasterLayout? Image = null);
