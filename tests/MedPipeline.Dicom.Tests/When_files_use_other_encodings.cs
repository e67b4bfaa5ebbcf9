using MedPipeline.Testing;

namespace MedPipeline.Dicom.Tests;

public sealed class When_files_use_other_encodings
{
    private static readonly float[] Pixels = [1, 1000, 40000, 65535];

    [Test]
    public async Task Implicit_VR_little_endian_is_read()
    {
        var bytes = new RawDicom(explicitVr: false).Image(1, 1000, 40000, 65535).AsFile(TransferSyntax.ImplicitLittleUid);

        var frame = (await DicomFile.Read(bytes, "implicit.dcm").DecodeFramesAsync()).Single();

        Assert.That(frame.Samples.ToArray(), Is.EqualTo(Pixels));
    }

    [Test]
    public async Task Explicit_VR_big_endian_is_read()
    {
        var bytes = new RawDicom(bigEndian: true).Image(1, 1000, 40000, 65535).AsFile(TransferSyntax.ExplicitBigUid);

        var frame = (await DicomFile.Read(bytes, "big.dcm").DecodeFramesAsync()).Single();

        Assert.That(frame.Samples.ToArray(), Is.EqualTo(Pixels));
    }

    [Test]
    public async Task Deflated_explicit_VR_little_endian_is_read()
    {
        var bytes = new RawDicom().Image(1, 1000, 40000, 65535).AsFile(TransferSyntax.DeflatedExplicitLittleUid, deflate: true);

        var frame = (await DicomFile.Read(bytes, "deflated.dcm").DecodeFramesAsync()).Single();

        Assert.That(frame.Samples.ToArray(), Is.EqualTo(Pixels));
    }

    [Test]
    public void Sequences_of_defined_and_undefined_length_are_walked()
    {
        var item = new RawDicom().Text(0x0008, 0x0100, "SH", "CODE").Body;
        var bytes = new RawDicom()
            .Text(0x0008, 0x0060, "CS", "MR")
            .Element(0x0008, 0x1032, "SQ", [], length: 0xFFFFFFFF).Item(0xE000, 0xFFFFFFFF).Raw(item).Item(0xE00D, 0).Item(0xE0DD, 0)
            .Element(0x0008, 0x1111, "SQ", [.. new RawDicom().Item(0xE000, (uint)item.Length).Raw(item).Body])
            .Text(0x0020, 0x000D, "UI", "1.2.3")
            .AsFile(TransferSyntax.ExplicitLittleUid);

        var info = DicomFile.Read(bytes, "sq.dcm").Image;

        Assert.That((info.Modality, info.StudyInstanceUid), Is.EqualTo(("MR", "1.2.3")));
        Assert.That(info.HasPixelData, Is.False);
    }

    [Test]
    public void Encapsulated_frames_are_handed_to_the_codec_with_their_fragments_joined()
    {
        var header = new RawDicom()
            .Text(0x0008, 0x0060, "CS", "CT").US(0x0028, 0x0002, 1).Text(0x0028, 0x0004, "CS", "MONOCHROME2")
            .US(0x0028, 0x0010, 2).US(0x0028, 0x0011, 2).US(0x0028, 0x0100, 16).US(0x0028, 0x0101, 12).US(0x0028, 0x0102, 11).US(0x0028, 0x0103, 0)
            .Element(0x7FE0, 0x0010, "OB", [], length: 0xFFFFFFFF)
            .Item(0xE000, 0).Item(0xE000, 4).Raw([0xFF, 0xD8, 1, 2]).Item(0xE000, 2).Raw([0xFF, 0xD9]).Item(0xE0DD, 0)
            .AsFile("1.2.840.10008.1.2.4.70");
        var codec = new RecordingCodec();

        Assert.ThrowsAsync<DicomReadException>(() => DicomFile.Read(header, "jpeg.dcm").DecodeFramesAsync(codec));

        var frame = codec.Frames.Single();
        Assert.That(frame.Data.ToArray(), Is.EqualTo(new byte[] { 0xFF, 0xD8, 1, 2, 0xFF, 0xD9 }));
        Assert.That((frame.Rows, frame.Columns, frame.BitsStored, frame.TransferSyntaxUid), Is.EqualTo((2, 2, 12, "1.2.840.10008.1.2.4.70")));
    }

    [Test]
    public void Without_a_codec_a_compressed_file_is_UnsupportedTransferSyntax()
    {
        var bytes = new RawDicom()
            .Text(0x0008, 0x0060, "CS", "CT").US(0x0028, 0x0010, 2).US(0x0028, 0x0011, 2).US(0x0028, 0x0100, 8)
            .Element(0x7FE0, 0x0010, "OB", [], length: 0xFFFFFFFF).Item(0xE000, 0).Item(0xE000, 2).Raw([1, 2]).Item(0xE0DD, 0)
            .AsFile("1.2.840.10008.1.2.4.90");

        var error = Assert.ThrowsAsync<DicomReadException>(() => DicomFile.Read(bytes, "j2k.dcm").DecodeFramesAsync());

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.UnsupportedTransferSyntax));
        Assert.That(error.Message, Does.StartWith("j2k.dcm: UnsupportedTransferSyntax"));
    }
}
