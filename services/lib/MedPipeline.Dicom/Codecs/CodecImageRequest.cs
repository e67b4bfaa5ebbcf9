using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// A whole PNG or JPEG file for libspng or TurboJPEG, with the layout the parent read from its header and checked
/// against the decode budget: the child decodes nothing larger, and answers exactly that layout.
/// </summary>
public sealed record CodecImageRequest(ImageFormat Format, RasterLayout Layout);
