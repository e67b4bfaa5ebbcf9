using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Tests;

/// <summary>What one header parse recorded (attributes and where the pixel data lies) decodes the frames later without parsing again.</summary>
public sealed class When_frames_are_decoded_from_a_recorded_location
{
    private static SyntheticDicom Image(bool rle) => new()
    {
        SopInstanceUid = "1.2.3.4.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Rows = 6, Columns = 5, Frames = 3, BitsStored = 12,
        Rle = rle, Pixels = [.. Enumerable.Range(0, 6 * 5 * 3).Select(i => i * 37 % 4096)],
    };

    [TestCase(false, TestName = "Native pixel data decodes as a parse would")]
    [TestCase(true, TestName = "RLE fragments decode as a parse would")]
    public async Task The_frames_equal_those_of_a_full_parse(bool rle)
    {
        var bytes = Image(rle).ToBytes();
        var parsed = DicomFile.Read(bytes, "a.dcm");
        var location = parsed.PixelDataLocation!;

        var expected = await parsed.DecodeFramesAsync();
        var recorded = await RecordedPixelDecoder.DecodeFramesAsync(bytes, "a.dcm", parsed.Image, location);

        Assert.That(location.Fragments is null, Is.EqualTo(!rle));
        Assert.That(recorded.Select(f => f.Samples.ToArray()), Is.EqualTo(expected.Select(f => f.Samples.ToArray())));
        Assert.That(recorded.Select(f => (f.Width, f.Height, f.Values)), Is.EqualTo(expected.Select(f => (f.Width, f.Height, f.Values))));
    }

    [Test]
    public void A_location_past_the_end_of_the_file_is_truncation_not_a_guess()
    {
        var bytes = Image(rle: false).ToBytes();
        var parsed = DicomFile.Read(bytes, "a.dcm");

        Assert.That(async () => await RecordedPixelDecoder.DecodeFramesAsync(bytes[..^10], "a.dcm", parsed.Image, parsed.PixelDataLocation!),
            Throws.TypeOf<DicomReadException>().With.Property(nameof(DicomReadException.Reason)).EqualTo(DicomFailureReason.Truncated));
    }

    [Test]
    public void A_deflated_file_records_no_location_because_its_offsets_are_not_the_files() =>
        Assert.That(DicomFile.Read(new RawDicom().Image(1, 2, 3, 4).AsFile(TransferSyntax.DeflatedExplicitLittleUid, deflate: true), "d.dcm").PixelDataLocation,
            Is.Null);
}
