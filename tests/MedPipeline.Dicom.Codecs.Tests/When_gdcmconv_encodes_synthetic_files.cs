using System.Diagnostics;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Codecs.Tests;

/// <summary>Synthetic images encoded by Debian's gdcmconv (a separate process), decoded back through the codec pool.</summary>
public sealed class When_gdcmconv_encodes_synthetic_files
{
    private string _folder = "";
    private CodecProcessPool _pool = null!;

    [OneTimeSetUp]
    public void Start()
    {
        Assert.That(File.Exists("/usr/bin/gdcmconv"), Is.True, "these tests need gdcmconv: apt-get install libgdcm-tools (infra/setup.sh does)");
        _folder = Directory.CreateTempSubdirectory("medpipe-gdcmconv-").FullName;
        _pool = new CodecProcessPool(new CodecPoolOptions());
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _pool.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private static SyntheticDicom Ct() => new()
    {
        SopInstanceUid = "1.2.3.4.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Rows = 48, Columns = 40,
        BitsStored = 12, PixelRepresentation = 1, RescaleSlope = 1, RescaleIntercept = -1024,
        Pixels = [.. Enumerable.Range(0, 48 * 40).Select(i => (int)(1500 * Math.Sin(i / 37.0)) + (i % 13))],
    };

    private static SyntheticDicom Rgb() => new()
    {
        SopClassUid = SyntheticDicom.SecondaryCaptureStorage, SopInstanceUid = "1.2.3.5.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.5",
        Modality = "OT", Rows = 32, Columns = 32, BitsAllocated = 8, BitsStored = 8, SamplesPerPixel = 3, PhotometricInterpretation = "RGB",
        Pixels = [.. Enumerable.Range(0, 32 * 32 * 3).Select(i => (i * 7) % 256)],
    };

    [TestCase("--jpeg", "1.2.840.10008.1.2.4.70")]
    [TestCase("--jpegls", "1.2.840.10008.1.2.4.80")]
    [TestCase("--j2k", "1.2.840.10008.1.2.4.90")]
    public async Task A_lossless_signed_12_bit_CT_decodes_to_exactly_its_pixels(string encoding, string transferSyntax)
    {
        var source = Ct();

        var (syntax, pixels) = await RoundTripAsync(source, encoding);

        Assert.That(syntax, Is.EqualTo(transferSyntax));
        Assert.That(pixels, Is.EqualTo(source.Pixels.Select(p => (float)p)));
    }

    [TestCase("--jpegls")]
    [TestCase("--j2k")]
    public async Task A_lossless_RGB_image_decodes_to_exactly_its_pixels(string encoding)
    {
        var source = Rgb();

        var (_, pixels) = await RoundTripAsync(source, encoding);

        Assert.That(pixels, Is.EqualTo(source.Pixels.Select(p => (float)p)));
    }

    private async Task<(string Syntax, float[] Pixels)> RoundTripAsync(SyntheticDicom source, string encoding)
    {
        var input = Path.Combine(_folder, $"{Guid.NewGuid():N}.dcm");
        var output = Path.Combine(_folder, $"{Guid.NewGuid():N}.dcm");
        await File.WriteAllBytesAsync(input, source.ToBytes());
        var info = new ProcessStartInfo("/usr/bin/gdcmconv") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { encoding, input, output })
        {
            info.ArgumentList.Add(argument);
        }

        using (var process = Process.Start(info)!)
        {
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Zero, $"gdcmconv {encoding} failed: {error}");
        }

        var dataset = await DicomFile.ReadAsync(output);
        using var frame = (await dataset.DecodeFramesAsync(_pool)).Single();
        return (dataset.TransferSyntax.Uid, frame.Samples.ToArray());
    }
}
