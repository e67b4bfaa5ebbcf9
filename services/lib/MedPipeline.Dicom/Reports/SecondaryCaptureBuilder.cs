using MedPipeline.Dicom.Writing;
using MedPipeline.Imaging;
using MedPipeline.Imaging.Png;

namespace MedPipeline.Dicom.Reports;

/// <summary>
/// A secondary-capture image (RGB, 8 bits) of one heatmap PNG: derived from its source image (Source Image Sequence),
/// in a new series of the source study, patient and study copied from the source.
/// </summary>
public static class SecondaryCaptureBuilder
{
    /// <summary>A heatmap is at the source image's size; far larger is not one.</summary>
    public const long MaxPixels = 8192L * 8192;

    /// <summary>The image; its SOP Instance UID is <paramref name="sopInstanceUid"/>, or a new one under the series' root.</summary>
    public static ResultObject FromPng(ReadOnlySpan<byte> png, SourceInstance source, ResultSeries series, int instanceNumber, string? sopInstanceUid = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(series);
        var image = PngDecoder.DecodePacked(png, MaxPixels);
        var rgb = ToRgb8(image);
        var uid = sopInstanceUid ?? DicomUids.Under(series.UidRoot);
        var writer = ResultModules.Common(new DicomWriter(), source, series, SyntheticDicom.SecondaryCaptureStorage, uid, "OT", instanceNumber)
            .Text(SrTags.ImageType, "CS", "DERIVED\\SECONDARY")
            .Text(SrTags.ConversionType, "CS", "WSD")
            .Bytes(SrTags.PatientOrientation, "CS", [])
            .Bytes(SrTags.Laterality, "CS", [])
            .Text(SrTags.DerivationDescription, "ST", "Reconstruction-error heatmap over the source image")
            .Sequence(SrTags.SourceImageSequence, [source.Reference()])
            .Text(SrTags.BurnedInAnnotation, "CS", "NO")
            .UInt16(DicomTag.SamplesPerPixel, 3)
            .Text(DicomTag.PhotometricInterpretation, "CS", "RGB")
            .UInt16(DicomTag.PlanarConfiguration, 0)
            .UInt16(DicomTag.Rows, image.Layout.Height)
            .UInt16(DicomTag.Columns, image.Layout.Width)
            .UInt16(DicomTag.BitsAllocated, 8)
            .UInt16(DicomTag.BitsStored, 8)
            .UInt16(DicomTag.HighBit, 7)
            .UInt16(DicomTag.PixelRepresentation, 0)
            .Bytes(DicomTag.PixelData, "OB", rgb);
        return new ResultObject(SyntheticDicom.SecondaryCaptureStorage, uid, writer.ToBytes(TransferSyntax.ExplicitLittleUid));
    }

    /// <summary>Interleaved 8-bit RGB: gray is repeated on the three channels, 16-bit samples keep their high byte.</summary>
    private static byte[] ToRgb8(PackedImage image)
    {
        var layout = image.Layout;
        var pixels = layout.Width * layout.Height;
        var channels = layout.Channels;
        var wide = layout.BytesPerSample == 2;
        var rgb = new byte[pixels * 3];
        for (var p = 0; p < pixels; p++)
        {
            for (var c = 0; c < 3; c++)
            {
                var sample = p * channels + (channels == 1 ? 0 : c);
                // 16-bit samples are native-endian ushorts: the high byte is the second on little-endian machines.
                rgb[p * 3 + c] = wide ? (byte)(BitConverter.ToUInt16(image.Samples, sample * 2) >> 8) : image.Samples[sample];
            }
        }

        return rgb;
    }
}
