using System.Text;
using MedPipeline.Dicom.Reports;
using MedPipeline.Dicom.Writing;
using MedPipeline.Testing;

namespace MedPipeline.Dicom.Tests;

/// <summary>The SR and the secondary-capture heatmap of a result, checked by dciodvfy, dsrdump and dcmdump.</summary>
public sealed class When_results_are_written_as_DICOM
{
    private const string Root = "1.2.826.0.1.3680043.10";
    private string _folder = null!;

    [SetUp]
    public void MakeFolder() => _folder = Directory.CreateTempSubdirectory("medpipe-results-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task The_classifier_SR_passes_the_validators_and_states_the_finding()
    {
        var sources = new[] { Source(1), Source(2), Source(3) };
        var finding = Finding() with { PredictedClass = "lesion", Probability = 0.8734 };

        var sr = StructuredReportBuilder.Build(finding, sources, Series());
        var path = await SaveAsync(sr, "sr.dcm");

        var verdict = await DicomValidators.DciodvfyAsync(path);
        Assert.That(verdict.Lines("Error"), Is.Empty, verdict.Output);
        var dump = await DicomValidators.RunAsync("dsrdump", "+Pl", path);
        Assert.That(dump.ExitCode, Is.EqualTo(0), dump.Output);
        Assert.That(dump.Output, Does.Contain("Comprehensive SR").And.Contain("\"lesion\"").And.Contain("\"0.8734\"")
            .And.Contain("ct-lesion v3").And.Contain(new string('a', 64)).And.Contain("IMAGE"));
        Assert.That(dump.Lines("error"), Is.Empty, dump.Output);
        var header = await DicomValidators.RunAsync("dcmdump", "-E", path);
        Assert.That(header.ExitCode, Is.EqualTo(0), header.Output);
        Assert.That(header.Output, Does.Contain("[Doe^Jane]").And.Contain("[ACC-7]").And.Contain(sources[2].SopInstanceUid));
        Assert.That(sr.SopInstanceUid, Does.StartWith(Root + ".").And.Length.LessThanOrEqualTo(64));
    }

    [Test]
    public async Task The_anomaly_SR_states_the_error_the_threshold_and_the_flag()
    {
        var finding = Finding() with { ReconstructionMse = 0.0123456, Threshold = 0.01, IsAnomaly = true };

        var sr = StructuredReportBuilder.Build(finding, [Source(1)], Series());
        var path = await SaveAsync(sr, "anomaly.dcm");

        var verdict = await DicomValidators.DciodvfyAsync(path);
        Assert.That(verdict.Lines("Error"), Is.Empty, verdict.Output);
        var dump = await DicomValidators.RunAsync("dsrdump", path);
        Assert.That(dump.ExitCode, Is.EqualTo(0), dump.Output);
        Assert.That(dump.Output, Does.Contain("\"0.0123456\"").And.Contain("\"0.01\"").And.Contain("Anomaly detected").And.Contain("Yes"));
    }

    [Test]
    public async Task The_heatmap_becomes_an_RGB_secondary_capture_of_its_source()
    {
        var rgb = Enumerable.Range(0, 5 * 4 * 3).Select(i => (byte)(i * 7)).ToArray();
        var source = Source(1);

        var sc = SecondaryCaptureBuilder.FromPng(TestPng.Rgb(5, 4, rgb), source, Series() with { SeriesNumber = 9902 }, instanceNumber: 1);
        var path = await SaveAsync(sc, "sc.dcm");

        var verdict = await DicomValidators.DciodvfyAsync(path);
        Assert.That(verdict.Lines("Error"), Is.Empty, verdict.Output);
        var header = await DicomValidators.RunAsync("dcmdump", "-E", path);
        Assert.That(header.ExitCode, Is.EqualTo(0), header.Output);
        Assert.That(header.Output, Does.Contain("[RGB]").And.Contain("[Doe^Jane]").And.Contain(source.SopInstanceUid));
        var read = DicomFile.Read(sc.Bytes, "sc.dcm");
        Assert.That((read.Image.Rows, read.Image.Columns), Is.EqualTo((4, 5)));
        Assert.That(read.GetString(DicomTag.SopClassUid), Is.EqualTo(SyntheticDicom.SecondaryCaptureStorage));
        var pixels = read.PixelDataLocation!;
        Assert.That(sc.Bytes.AsSpan(pixels.Offset, pixels.Length).ToArray(), Is.EqualTo(rgb));
    }

    [TestCase("1.2.840.99", true)]
    [TestCase("2.25", true)]
    [TestCase("1.02.3", false)]
    [TestCase("1.2.", false)]
    [TestCase("1.2.826.0.1.3680043.10.1489", false)]
    public void A_UID_root_is_checked(string root, bool valid) => Assert.That(DicomUids.IsValidRoot(root), Is.EqualTo(valid));

    private static SeriesFinding Finding() => new()
    {
        AlgorithmName = "ct-lesion", AlgorithmVersion = "ct-lesion v3", ModelSha256 = new string('a', 64), ModelType = "ct-lesion-classifier",
    };

    private static ResultSeries Series() => new($"{Root}.77", 9901, new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero), Root, "1.0.0");

    private static SourceInstance Source(int number)
    {
        var bytes = new DicomWriter()
            .Text(DicomTag.SopClassUid, "UI", SyntheticDicom.CtImageStorage)
            .Text(DicomTag.SopInstanceUid, "UI", $"1.2.3.4.5.6.{number}")
            .Text(DicomTag.StudyInstanceUid, "UI", "1.2.3.4.5")
            .Text(DicomTag.SeriesInstanceUid, "UI", "1.2.3.4.5.6")
            .Text(DicomTag.Modality, "CS", "CT")
            .Bytes(new DicomTag(0x0010, 0x0010), "PN", Encoding.ASCII.GetBytes("Doe^Jane"))
            .Text(new DicomTag(0x0010, 0x0020), "LO", "P-1")
            .Text(new DicomTag(0x0008, 0x0050), "SH", "ACC-7")
            .Text(new DicomTag(0x0008, 0x0020), "DA", "20261127")
            .ToBytes(TransferSyntax.ExplicitLittleUid);
        return new SourceInstance(DicomFile.Read(bytes, $"source-{number}.dcm"));
    }

    private async Task<string> SaveAsync(ResultObject result, string name)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllBytesAsync(path, result.Bytes);
        return path;
    }
}
