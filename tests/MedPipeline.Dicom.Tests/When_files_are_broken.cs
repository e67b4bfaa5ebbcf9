using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Tests;

public sealed class When_files_are_broken
{
    [Test]
    public void Bytes_without_the_DICM_prefix_are_NotDicom()
    {
        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(new byte[300], "zeros.bin"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.NotDicom));
        Assert.That(error.Message, Does.Contain("no DICM prefix"));
    }

    [Test]
    public void A_preamble_and_DICM_with_nothing_else_is_NotDicom()
    {
        byte[] bytes = [.. new byte[128], .. "DICM"u8.ToArray()];

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(bytes, "empty.dcm"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.NotDicom));
    }

    [Test]
    public void A_file_cut_inside_an_element_is_Truncated_and_says_where()
    {
        var bytes = Synthetic.Ct().ToBytes();

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(bytes.AsMemory(0, 300), "cut.dcm"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.Truncated));
        Assert.That(error.Message, Does.Contain("ends at byte 300"));
    }

    [Test]
    public void Pixel_data_shorter_than_the_image_is_an_error_never_zero_filled()
    {
        var source = Synthetic.Ct(rows: 8, columns: 8);
        var bytes = source.ToBytes();
        var pixelStart = bytes.Length - 128;
        bytes[pixelStart - 4] = 100; // the OW length: 100 bytes instead of 128
        var cut = bytes.AsMemory(0, pixelStart + 100);

        var error = Assert.ThrowsAsync<DicomReadException>(() => DicomFile.Read(cut, "short.dcm").DecodeFramesAsync());

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.Truncated));
        Assert.That(error.Message, Does.Contain("the pixel data has 100 bytes").And.Contain("need 128"));
    }

    [Test]
    public void An_object_without_pixel_data_is_NoPixelData_with_its_SOP_class()
    {
        var bytes = new RawDicom().Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.88.11").Text(0x0008, 0x0060, "CS", "SR")
            .AsFile(TransferSyntax.ExplicitLittleUid);

        var error = Assert.ThrowsAsync<DicomReadException>(() => DicomFile.Read(bytes, "report.dcm").DecodeFramesAsync());

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.NoPixelData));
        Assert.That(error.Message, Does.Contain("1.2.840.10008.5.1.4.1.1.88.11").And.Contain("SR"));
    }

    [Test]
    public void Sequences_nested_ten_thousand_deep_are_TooLarge_not_a_stack_overflow()
    {
        var raw = new RawDicom();
        for (var i = 0; i < 10_000; i++)
        {
            raw.Element(0x0008, 0x1032, "SQ", [], length: 0xFFFFFFFF).Item(0xE000, 0xFFFFFFFF);
        }

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(raw.AsFile(TransferSyntax.ExplicitLittleUid), "deep.dcm"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.TooLarge));
        Assert.That(error.Message, Does.Contain("nested deeper than 16"));
    }

    [Test]
    public void An_unterminated_sequence_is_Truncated()
    {
        var bytes = new RawDicom().Element(0x0008, 0x1032, "SQ", [], length: 0xFFFFFFFF).Item(0xE000, 0xFFFFFFFF)
            .Text(0x0008, 0x0100, "SH", "CODE").AsFile(TransferSyntax.ExplicitLittleUid);

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(bytes, "open.dcm"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.Truncated));
    }

    [Test]
    public void A_huge_element_length_is_Truncated_not_an_allocation()
    {
        var bytes = new RawDicom().Element(0x0010, 0x0010, "UT", [], length: 0xFFFFFFF0).AsFile(TransferSyntax.ExplicitLittleUid);

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(bytes, "huge.dcm"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.Truncated));
    }

    [Test]
    public void An_unknown_transfer_syntax_is_UnsupportedTransferSyntax()
    {
        var bytes = new RawDicom().Image(1, 2, 3, 4).AsFile("1.9.9.9");

        var error = Assert.Throws<DicomReadException>(() => DicomFile.Read(bytes, "odd.dcm"));

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.UnsupportedTransferSyntax));
    }

    [Test]
    public void An_RLE_frame_whose_segment_is_short_fails_with_DecoderFailed()
    {
        var frame = RleEncoder.EncodeFrame(new uint[16], 16, 1, 1);
        var bytes = new DicomWriter()
            .Text(DicomTag.SopInstanceUid, "UI", "1.2").UInt16(DicomTag.Rows, 8).UInt16(DicomTag.Columns, 8)
            .UInt16(DicomTag.BitsAllocated, 8).UInt16(DicomTag.BitsStored, 8).UInt16(DicomTag.SamplesPerPixel, 1)
            .Text(DicomTag.PhotometricInterpretation, "CS", "MONOCHROME2")
            .Fragments([frame]).ToBytes(TransferSyntax.RleLosslessUid);

        var error = Assert.ThrowsAsync<DicomReadException>(() => DicomFile.Read(bytes, "rle.dcm").DecodeFramesAsync());

        Assert.That(error!.Reason, Is.EqualTo(DicomFailureReason.DecoderFailed));
        Assert.That(error.Message, Does.Contain("segment 1 decodes to 16 of 64 bytes"));
    }
}
