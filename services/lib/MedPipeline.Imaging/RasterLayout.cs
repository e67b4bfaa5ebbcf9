namespace MedPipeline.Imaging;

/// <summary>
/// The geometry and sample depth of a decoded PNG or JPEG: what a header declares, what a codec child answers,
/// and how <see cref="PackedImage"/> lays out its samples (channels interleaved, rows top to bottom).
/// </summary>
public sealed record RasterLayout(int Width, int Height, ColorModel Color, int BitsStored)
{
    public int Channels => Color == ColorModel.Rgb ? 3 : 1;

    /// <summary>One byte per sample up to 8 bits stored, two (native byte order: both ends of the pipe run on one machine) above.</summary>
    public int BytesPerSample => BitsStored > 8 ? 2 : 1;

    /// <summary>Bytes of the packed samples (saturates instead of overflowing).</summary>
    public long PackedBytes => DecodeBudget.DecodedBytes(Width, Height, Channels) / DecodeBudget.BytesPerDecodedSample * BytesPerSample;
}
