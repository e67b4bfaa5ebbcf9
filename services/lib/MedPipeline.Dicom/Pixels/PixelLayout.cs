using System.Globalization;
using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Pixels;

/// <summary>The pixel module of a dataset, validated: what one frame looks like in bytes and in samples.</summary>
internal sealed record PixelLayout(int Rows, int Columns, int SamplesPerPixel, int BitsAllocated, int BitsStored, int HighBit,
    bool Signed, string Photometric, int PlanarConfiguration, int Frames)
{
    private static readonly HashSet<string> Photometrics =
        ["MONOCHROME1", "MONOCHROME2", "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_ICT", "YBR_RCT", "YBR_PARTIAL_420"];

    public int Pixels => Rows * Columns;

    public int BytesPerSample => BitsAllocated / 8;

    /// <summary>Bytes of one native frame (YBR_FULL_422 stores two luma and one pair of chroma samples per two pixels).</summary>
    public long NativeFrameBytes => Photometric == "YBR_FULL_422"
        ? (long)Pixels * 2 * BytesPerSample
        : (long)Pixels * SamplesPerPixel * BytesPerSample;

    public ColorModel Color => SamplesPerPixel == 3 ? ColorModel.Rgb
        : Photometric == "MONOCHROME1" ? ColorModel.Monochrome1 : ColorModel.Monochrome2;

    public static PixelLayout From(DicomImageInfo info, string source, DicomReadLimits limits)
    {
        DicomReadException Bad(string detail) => new(source, DicomFailureReason.Inconsistent, detail);
        var rows = info.Rows ?? throw Bad("Rows (0028,0010) is missing");
        var columns = info.Columns ?? throw Bad("Columns (0028,0011) is missing");
        var bitsAllocated = info.BitsAllocated ?? throw Bad("Bits Allocated (0028,0100) is missing");
        var bitsStored = info.BitsStored ?? bitsAllocated;
        var highBit = info.HighBit ?? bitsStored - 1;
        var samples = info.SamplesPerPixel ?? 1;
        var photometric = info.PhotometricInterpretation ?? (samples == 1 ? "MONOCHROME2" : "RGB");
        if (rows == 0 || columns == 0) throw Bad($"the image is {rows}×{columns}");
        if (bitsAllocated is not (8 or 16 or 32))
        {
            throw new DicomReadException(source, DicomFailureReason.UnsupportedTransferSyntax,
                string.Create(CultureInfo.InvariantCulture, $"Bits Allocated {bitsAllocated} is not supported (8, 16 or 32)"));
        }

        if (bitsStored < 1 || bitsStored > bitsAllocated || highBit >= bitsAllocated || highBit < bitsStored - 1)
        {
            throw Bad(string.Create(CultureInfo.InvariantCulture, $"Bits Stored {bitsStored} / High Bit {highBit} do not fit Bits Allocated {bitsAllocated}"));
        }

        if (samples is not (1 or 3)) throw Bad(string.Create(CultureInfo.InvariantCulture, $"Samples per Pixel is {samples}"));
        if (photometric == "PALETTE COLOR")
        {
            throw new DicomReadException(source, DicomFailureReason.UnsupportedTransferSyntax, "PALETTE COLOR images are not supported");
        }

        if (!Photometrics.Contains(photometric) || (samples == 1) != photometric.StartsWith("MONOCHROME", StringComparison.Ordinal))
        {
            throw Bad($"Photometric Interpretation '{photometric}' does not fit {samples} sample(s) per pixel");
        }

        if (info.NumberOfFrames < 1 || info.NumberOfFrames > limits.MaxFrames)
        {
            throw new DicomReadException(source, info.NumberOfFrames < 1 ? DicomFailureReason.Inconsistent : DicomFailureReason.TooLarge,
                string.Create(CultureInfo.InvariantCulture, $"Number of Frames is {info.NumberOfFrames} (limit {limits.MaxFrames})"));
        }

        if ((long)rows * columns > limits.MaxPixelsPerFrame)
        {
            throw new DicomReadException(source, DicomFailureReason.TooLarge, $"a {rows}×{columns} frame is above the pixel limit");
        }

        return new PixelLayout(rows, columns, samples, bitsAllocated, bitsStored, highBit, info.PixelRepresentation == 1,
            photometric, info.PlanarConfiguration ?? 0, info.NumberOfFrames);
    }

    /// <summary>Turns a raw sample (as allocated) into its stored value: shift to Bits Stored, mask, sign-extend.</summary>
    public float StoredValue(uint raw)
    {
        var value = (raw >> (HighBit + 1 - BitsStored)) & (BitsStored == 32 ? uint.MaxValue : (1u << BitsStored) - 1);
        if (Signed && BitsStored < 32 && (value & (1u << (BitsStored - 1))) != 0)
        {
            return (long)value - (1L << BitsStored);
        }

        return Signed && BitsStored == 32 ? (int)value : value;
    }
}
