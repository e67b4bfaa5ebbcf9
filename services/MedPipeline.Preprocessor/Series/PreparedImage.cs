using System.Buffers;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Series;
using MedPipeline.Imaging;
using MedPipeline.ModelInput;

namespace MedPipeline.Preprocessor.Series;

/// <summary>
/// One image of the series decoded and preprocessed: its frames' model rows in a pooled buffer (returned on
/// dispose), or why the file could not be decoded. The decoded pixels are gone once the rows are made.
/// </summary>
public sealed class PreparedImage : IDisposable
{
    private float[]? _rows;

    private PreparedImage(float[]? rows, int frames, PreprocessingSummary? summary, string? failure) =>
        (_rows, Frames, Summary, Failure) = (rows, frames, summary, failure);

    public int Frames { get; }

    public PreprocessingSummary? Summary { get; }

    /// <summary>Why the image could not be decoded, naming the stored file; null when it was.</summary>
    public string? Failure { get; }

    public ReadOnlySpan<float> Row(int frame, int length) => _rows.AsSpan(frame * length, length);

    public static async Task<PreparedImage> PrepareAsync(IndexedFrameDecoder decoder, IndexedInstance image, PreprocessingSpec spec, int length,
        CancellationToken cancellationToken)
    {
        // Names in failures are the stored file's, as before the index existed (the upload's entry when read in place).
        var name = image.FileName;
        IReadOnlyList<ImageFrame> frames;
        try
        {
            frames = await decoder.DecodeAsync(image, cancellationToken);
        }
        catch (DicomReadException e)
        {
            return new PreparedImage(null, 0, null, $"{name} could not be decoded ({e.Reason}): {e.Detail}");
        }

        var rows = ArrayPool<float>.Shared.Rent(Math.Max(1, frames.Count * length));
        PreprocessingSummary? summary = null;
        var f = 0;
        try
        {
            for (; f < frames.Count; f++)
            {
                using var frame = frames[f];
                var done = ImagePreprocessor.Preprocess(frame, spec, rows.AsSpan(f * length, length));
                summary ??= done;
            }
        }
        catch
        {
            ArrayPool<float>.Shared.Return(rows);
            throw;
        }
        finally
        {
            // Frames after one that threw are still held; each frame is disposed exactly once.
            for (f++; f < frames.Count; f++)
            {
                frames[f].Dispose();
            }
        }

        return new PreparedImage(rows, frames.Count, summary, null);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rows, null) is { } rows)
        {
            ArrayPool<float>.Shared.Return(rows);
        }
    }
}
