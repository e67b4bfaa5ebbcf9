using System.Buffers.Binary;
using System.Globalization;

namespace MedPipeline.Dicom.Writing;

/// <summary>
/// Describes a synthetic DICOM instance (the demo's sample series, the tests' inputs) and writes it:
/// CT with rescale and window, MONOCHROME1 CR, 8-bit secondary capture, RGB, multi-frame; native or RLE.
/// </summary>
public sealed record SyntheticDicom
{
    public const string CtImageStorage = "1.2.840.10008.5.1.4.1.1.2";
    public const string CrImageStorage = "1.2.840.10008.5.1.4.1.1.1";
    public const string SecondaryCaptureStorage = "1.2.840.10008.5.1.4.1.1.7";

    public string SopClassUid { get; init; } = CtImageStorage;

    public required string SopInstanceUid { get; init; }

    public required string StudyInstanceUid { get; init; }

    public required string SeriesInstanceUid { get; init; }

    public string Modality { get; init; } = "CT";

    public int InstanceNumber { get; init; } = 1;

    public double[]? ImagePositionPatient { get; init; }

    public double[]? ImageOrientationPatient { get; init; }

    public required int Rows { get; init; }

    public required int Columns { get; init; }

    public int BitsAllocated { get; init; } = 16;

    public int BitsStored { get; init; } = 16;

    public int PixelRepresentation { get; init; }

    public int SamplesPerPixel { get; init; } = 1;

    public string PhotometricInterpretation { get; init; } = "MONOCHROME2";

    public int Frames { get; init; } = 1;

    public double? RescaleSlope { get; init; }

    public double? RescaleIntercept { get; init; }

    public double? WindowCenter { get; init; }

    public double? WindowWidth { get; init; }

    public bool Rle { get; init; }

    /// <summary>Stored values, interleaved samples, frames one after another.</summary>
    public required int[] Pixels { get; init; }

    public byte[] ToBytes()
    {
        var writer = new DicomWriter()
            .Text(DicomTag.SopClassUid, "UI", SopClassUid)
            .Text(DicomTag.SopInstanceUid, "UI", SopInstanceUid)
            .Text(DicomTag.Modality, "CS", Modality)
            .Text(DicomTag.StudyInstanceUid, "UI", StudyInstanceUid)
            .Text(DicomTag.SeriesInstanceUid, "UI", SeriesInstanceUid)
            .Text(DicomTag.InstanceNumber, "IS", Format(InstanceNumber))
            .UInt16(DicomTag.SamplesPerPixel, SamplesPerPixel)
            .Text(DicomTag.PhotometricInterpretation, "CS", PhotometricInterpretation)
            .UInt16(DicomTag.Rows, Rows)
            .UInt16(DicomTag.Columns, Columns)
            .UInt16(DicomTag.BitsAllocated, BitsAllocated)
            .UInt16(DicomTag.BitsStored, BitsStored)
            .UInt16(DicomTag.HighBit, BitsStored - 1)
            .UInt16(DicomTag.PixelRepresentation, PixelRepresentation);
        if (SamplesPerPixel > 1) writer.UInt16(DicomTag.PlanarConfiguration, 0);
        if (Frames > 1) writer.Text(DicomTag.NumberOfFrames, "IS", Format(Frames));
        if (ImagePositionPatient is { } position) writer.Text(DicomTag.ImagePositionPatient, "DS", string.Join('\\', position.Select(Format)));
        if (ImageOrientationPatient is { } orientation) writer.Text(DicomTag.ImageOrientationPatient, "DS", string.Join('\\', orientation.Select(Format)));
        if (RescaleSlope is { } slope) writer.Text(DicomTag.RescaleSlope, "DS", Format(slope));
        if (RescaleIntercept is { } intercept) writer.Text(DicomTag.RescaleIntercept, "DS", Format(intercept));
        if (WindowCenter is { } center) writer.Text(DicomTag.WindowCenter, "DS", Format(center));
        if (WindowWidth is { } width) writer.Text(DicomTag.WindowWidth, "DS", Format(width));

        var mask = BitsAllocated == 32 ? uint.MaxValue : (1u << BitsAllocated) - 1;
        var raw = Pixels.Select(v => (uint)v & mask).ToArray();
        if (Rle)
        {
            var perFrame = Rows * Columns * SamplesPerPixel;
            var frames = Enumerable.Range(0, Frames)
                .Select(f => RleEncoder.EncodeFrame(raw.AsSpan(f * perFrame, perFrame), Rows * Columns, SamplesPerPixel, BitsAllocated / 8))
                .ToList();
            return writer.Fragments(frames).ToBytes(TransferSyntax.RleLosslessUid);
        }

        return writer.Bytes(DicomTag.PixelData, BitsAllocated == 8 ? "OB" : "OW", Native(raw)).ToBytes(TransferSyntax.ExplicitLittleUid);
    }

    private byte[] Native(uint[] raw)
    {
        var bytesPerSample = BitsAllocated / 8;
        var bytes = new byte[raw.Length * bytesPerSample];
        for (var i = 0; i < raw.Length; i++)
        {
            switch (bytesPerSample)
            {
                case 1: bytes[i] = (byte)raw[i]; break;
                case 2: BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * 2), (ushort)raw[i]); break;
                default: BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), raw[i]); break;
            }
        }

        return bytes;
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
