using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.ModelInput;
using MedPipeline.Storage;

namespace MedPipeline.Inference.Heatmaps;

/// <summary>
/// One frame of a stored source instance as a viewer shows it, decoded as the Preprocessor decodes it (straight from the
/// pixel data the Unpacker's index located, compressed syntaxes through the codec processes). Only the k deciding frames
/// come here, so the worker never holds a series' pixels.
/// </summary>
public sealed class SourceFrameReader(ISeriesStore store, ICompressedFrameDecoder? codecs = null)
{
    public async Task<DisplayImage> ReadAsync(IndexedInstance image, int frame, PreprocessingSpec spec, CancellationToken cancellationToken)
    {
        IReadOnlyList<ImageFrame> frames;
        await using (var stream = store.OpenRead(image.Key, image.Offset, image.Bytes))
        {
            frames = await IndexedInstanceDecoder.DecodeAsync(stream, image, codecs, cancellationToken);
        }

        try
        {
            return DisplayImage.Of(frames[frame - 1], spec);
        }
        finally
        {
            foreach (var decoded in frames)
            {
                decoded.Dispose();
            }
        }
    }
}
