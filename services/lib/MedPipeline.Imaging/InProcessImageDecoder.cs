namespace MedPipeline.Imaging;

/// <summary>
/// libspng and TurboJPEG in this process. Only for files the user trusts (`medpipe predict` on local files);
/// uploads from the network go to the codec child processes instead.
/// </summary>
public sealed class InProcessImageDecoder : IImageFileDecoder
{
    public static InProcessImageDecoder Instance { get; } = new();

    public Task<ImageFrame> DecodeImageAsync(ReadOnlyMemory<byte> file, long maxPixels, long maxDecodedBytes, CancellationToken cancellationToken) =>
        Task.FromResult(ImageDecoder.Decode(file.Span, maxPixels, maxDecodedBytes));
}
