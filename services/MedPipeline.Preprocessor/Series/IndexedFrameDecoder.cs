using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.Storage;

namespace MedPipeline.Preprocessor.Series;

/// <summary>The frames of one indexed image, read from the store where they lie (see <see cref="IndexedInstanceDecoder"/>).</summary>
public sealed class IndexedFrameDecoder(ISeriesStore store, ICompressedFrameDecoder? codecs = null)
{
    public async Task<IReadOnlyList<ImageFrame>> DecodeAsync(IndexedInstance image, CancellationToken cancellationToken)
    {
        await using var stream = store.OpenRead(image.Key, image.Offset, image.Bytes);
        return await IndexedInstanceDecoder.DecodeAsync(stream, image, codecs, cancellationToken);
    }
}
