using MedPipeline.Imaging;

namespace MedPipeline.Dicom.Tests;

public sealed class When_synthetic_files_are_written_and_read
{
    [Test]
    public void The_tags_an_ML_pipeline_needs_come_back_typed()
    {
        var info = DicomFile.Read(Synthetic.Ct().ToBytes(), "ct.dcm").Image;

        Assert.Multiple(() =>
        {
            Assert.That(info.SopClassUid, Is.EqualTo("1.2.840.10008.5.1.4.1.1.2"));
            Assert.That(info.SopInstanceUid, Is.EqualTo("1.2.3.4.5.6.1"), "UI padding NUL is trimmed");
            Assert.That(info.Modality, Is.EqualTo("CT"));
            Assert.That(info.StudyInstanceUid, Is.EqualTo("1.2.3.4.5"));
            Assert.That(info.SeriesInstanceUid, Is.EqualTo("1.2.3.4.5.6"));
            Assert.That(info.InstanceNumber, Is.EqualTo(7));
            Assert.That(info.ImagePositionPatient, Is.EqualTo(new[] { -120.5, -100, 42.25 }));
            Assert.That(info.ImageOrientationPatient, Is.EqualTo(new double[] { 1, 0, 0, 0, 1, 0 }));
            Assert.That((info.Rows, info.Columns), Is.EqualTo((4, 3)));
            Assert.That((info.BitsAllocated, info.BitsStored, info.HighBit, info.PixelRepresentation), Is.EqualTo((16, 12, 11, 1)));
            Assert.That(info.PhotometricInterpretation, Is.EqualTo("MONOCHROME2"));
            Assert.That(info.SamplesPerPixel, Is.EqualTo(1));
            Assert.That(info.PlanarConfiguration, Is.Null);
            Assert.That(info.NumberOfFrames, Is.EqualTo(1));
            Assert.That((info.RescaleSlope, info.RescaleIntercept), Is.EqualTo((1.0, -1024.0)));
            Assert.That((info.WindowCenter, info.WindowWidth), Is.EqualTo((40.0, 400.0)));
            Assert.That(info.TransferSyntaxUid, Is.EqualTo("1.2.840.10008.1.2.1"));
            Assert.That(info.HasPixelData, Is.True);
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task Signed_12_bit_pixels_round_trip_native_and_RLE(bool rle)
    {
        var source = Synthetic.Ct(rows: 5, columns: 7, frames: 3, rle: rle);

        var frames = await DicomFile.Read(source.ToBytes(), "ct.dcm").DecodeFramesAsync();

        Assert.That(frames, Has.Count.EqualTo(3));
        Assert.That(frames.SelectMany(f => f.Samples.ToArray()), Is.EqualTo(source.Pixels.Select(p => (float)p)));
        Assert.That(frames[0].Values, Is.EqualTo(new PixelValueInfo
        {
            BitsStored = 12, IsSigned = true, RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400, IsDicom = true,
        }));
        Assert.That(frames[2].Color, Is.EqualTo(ColorModel.Monochrome2));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task RGB_pixels_round_trip(bool rle)
    {
        var source = Synthetic.Rgb(rle);

        var frame = (await DicomFile.Read(source.ToBytes(), "rgb.dcm").DecodeFramesAsync()).Single();

        Assert.That(frame.Color, Is.EqualTo(ColorModel.Rgb));
        Assert.That(frame.Samples.ToArray(), Is.EqualTo(source.Pixels.Select(p => (float)p)));
    }

    [Test]
    public async Task A_MONOCHROME1_radiograph_keeps_its_photometric_for_preprocessing()
    {
        var source = Synthetic.Ct() with { Modality = "CR", PhotometricInterpretation = "MONOCHROME1", PixelRepresentation = 0, Pixels = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 4095] };

        var frame = (await DicomFile.Read(source.ToBytes(), "cr.dcm").DecodeFramesAsync()).Single();

        Assert.That(frame.Color, Is.EqualTo(ColorModel.Monochrome1));
        Assert.That(frame.Samples[11], Is.EqualTo(4095));
    }

    [Test]
    public async Task Eight_and_thirty_two_bit_samples_round_trip()
    {
        var eight = Synthetic.Ct() with { BitsAllocated = 8, BitsStored = 8, PixelRepresentation = 0, Pixels = [.. Enumerable.Range(0, 12).Select(i => i * 20)] };
        var thirtyTwo = Synthetic.Ct() with { BitsAllocated = 32, BitsStored = 32, PixelRepresentation = 1, Pixels = [.. Enumerable.Range(0, 12).Select(i => i * -100_000)] };

        var a = (await DicomFile.Read(eight.ToBytes(), "8.dcm").DecodeFramesAsync()).Single();
        var b = (await DicomFile.Read(thirtyTwo.ToBytes(), "32.dcm").DecodeFramesAsync()).Single();

        Assert.That(a.Samples.ToArray(), Is.EqualTo(eight.Pixels.Select(p => (float)p)));
        Assert.That(b.Samples.ToArray(), Is.EqualTo(thirtyTwo.Pixels.Select(p => (float)p)));
    }
}
