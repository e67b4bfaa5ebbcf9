using System.Buffers;

namespace MedPipeline.Imaging;

/// <summary>
/// One decoded frame: stored sample values (before the modality LUT) widened to float32,
/// channels interleaved, rows top to bottom. The buffer is rented from the shared pool and returned
/// on <see cref="Dispose"/>; every decoder (DICOM native/RLE, the codec child process, PNG, JPEG)
/// produces this type and preprocessing consumes it.
/// </summary>
public sealed class ImageFrame : IDisposable
{
    private float[]? _buffer;

    public ImageFrame(int width, int height, ColorModel color, PixelValueInfo values)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Color = color;
        Values = values;
        _buffer = ArrayPool<float>.Shared.Rent(checked(width * height * Channels));
    }

    public int Width { get; }

    public int Height { get; }

    public ColorModel Color { get; }

    public int Channels => Color == ColorModel.Rgb ? 3 : 1;

    public PixelValueInfo Values { get; }

    /// <summary>Width × Height × Channels stored values.</summary>
    public Span<float> Samples =>
        (_buffer ?? throw new ObjectDisposedException(nameof(ImageFrame))).AsSpan(0, Width * Height * Channels);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }
}
