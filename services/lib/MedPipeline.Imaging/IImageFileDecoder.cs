namespace MedPipeline.Imaging;

/// <summary>
/// Decodes an uploaded PNG or JPEG file to one frame. The gateway's implementation runs the codec in an isolated
/// child process (Dicom/Codecs/CodecProcessPool); <see cref="InProcessImageDecoder"/> is for a user's own files.
/// Failures are <see cref="ImageDecodeException"/>.
/// </summary>
public interface IImageFileDecoder
{
    /// <param name="file">The whole file (PNG or JPEG by its first bytes).</param>
    /// <param name="maxPixels">Largest width × height accepted.</param>
    /// <param name="maxDecodedBytes">Budget for the decoded frame (see <see cref="DecodeBudget"/>), checked against the header before any pixel buffer exists.</param>
    /// <param name="cancellationToken">Cancels the wait for a decoder.</param>
    Task<ImageFrame> DecodeImageAsync(ReadOnlyMemory<byte> file, long maxPixels, long maxDecodedBytes, CancellationToken cancellationToken);
}
