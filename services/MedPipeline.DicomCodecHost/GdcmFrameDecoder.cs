using MedPipeline.Dicom;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.DicomCodecHost;

/// <summary>
/// Decodes one frame with GDCM. GDCM never sees the uploaded file: it reads a minimal Part-10 file
/// written here from the validated attributes and the frame's bitstream. A stream without its end
/// marker is refused first, because GDCM zero-fills truncated streams and reports success.
/// </summary>
internal sealed class GdcmFrameDecoder(string workFile)
{
    public (CodecResponseHeader Header, byte[] Pixels) Decode(CodecFrameRequest request, byte[] data)
    {
        if (!EndsWithEndMarker(data))
        {
            return (new CodecResponseHeader(false, "the compressed stream is truncated: it has no end-of-image (FFD9) marker", null, 0), []);
        }

        var writer = new DicomWriter()
            .Text(DicomTag.SopClassUid, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .Text(DicomTag.SopInstanceUid, "UI", "1.2.826.0.1.3680043.10.1489.99")
            .UInt16(DicomTag.SamplesPerPixel, request.SamplesPerPixel)
            .Text(DicomTag.PhotometricInterpretation, "CS", request.PhotometricInterpretation)
            .UInt16(DicomTag.Rows, request.Rows)
            .UInt16(DicomTag.Columns, request.Columns)
            .UInt16(DicomTag.BitsAllocated, request.BitsAllocated)
            .UInt16(DicomTag.BitsStored, request.BitsStored)
            .UInt16(DicomTag.HighBit, request.BitsStored - 1)
            .UInt16(DicomTag.PixelRepresentation, request.PixelRepresentation);
        if (request.SamplesPerPixel > 1)
        {
            writer.UInt16(DicomTag.PlanarConfiguration, request.PlanarConfiguration);
        }

        File.WriteAllBytes(workFile, writer.Fragments([data]).ToBytes(request.TransferSyntaxUid));
        using var reader = new gdcm.ImageReader();
        reader.SetFileName(workFile);
        if (!reader.Read())
        {
            return (new CodecResponseHeader(false, "GDCM could not read the frame", null, 0), []);
        }

        var image = reader.GetImage();
        var expected = (long)request.Rows * request.Columns * request.SamplesPerPixel * (request.BitsAllocated / 8);
        var length = image.GetBufferLength();
        if (length != expected)
        {
            return (new CodecResponseHeader(false, $"GDCM decodes to {length} bytes; the frame needs {expected}", null, 0), []);
        }

        var pixels = new byte[length];
        if (!image.GetBuffer(pixels))
        {
            return (new CodecResponseHeader(false, "GDCM failed to decode the compressed stream", null, 0), []);
        }

        var photometric = image.GetPhotometricInterpretation().GetString().Trim(' ', '\0');
        return (new CodecResponseHeader(true, "", photometric, (int)image.GetPlanarConfiguration()), pixels);
    }

    private static bool EndsWithEndMarker(ReadOnlySpan<byte> data)
    {
        var end = data.Length;
        while (end > 0 && data[end - 1] == 0)
        {
            end--;
        }

        return end >= 2 && data[end - 2] == 0xFF && data[end - 1] == 0xD9;
    }
}
