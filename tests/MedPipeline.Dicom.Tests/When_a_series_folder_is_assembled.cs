using MedPipeline.Dicom.Series;

namespace MedPipeline.Dicom.Tests;

public sealed class When_a_series_folder_is_assembled
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("medpipe-series-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Images_are_ordered_by_instance_number_then_slice_position()
    {
        Write("a.dcm", Slice(3, z: 10));
        Write("b.dcm", Slice(1, z: 30));
        Write("c.dcm", Slice(2, z: 20));

        var series = await AssembleAsync();

        Assert.That(series.Images.Select(i => i.Name), Is.EqualTo(new[] { "b.dcm", "c.dcm", "a.dcm" }));
        Assert.That(series.Findings(), Is.Empty);
        Assert.That(series.Modalities, Is.EqualTo(new[] { "CT" }));
    }

    [Test]
    public async Task Without_instance_numbers_the_position_along_the_normal_decides()
    {
        Write("a.dcm", Slice(null, z: 5));
        Write("b.dcm", Slice(null, z: -5));

        var series = await AssembleAsync();

        Assert.That(series.Images.Select(i => i.Name), Is.EqualTo(new[] { "b.dcm", "a.dcm" }));
    }

    [Test]
    public async Task Duplicates_gaps_mixed_series_sizes_non_images_and_unreadable_files_are_reported()
    {
        Write("1.dcm", Slice(1, z: 0));
        Write("1-again.dcm", Slice(1, z: 0));
        Write("4.dcm", Slice(4, z: 3) with { SopInstanceUid = "1.2.3.4.5.6.4", Rows = 8 });
        Write("other.dcm", Slice(5, z: 4) with { SopInstanceUid = "1.2.3.4.5.6.5", SeriesInstanceUid = "9.9.9" });
        Write("report.dcm", new RawDicom().Text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.88.11").Text(0x0008, 0x0060, "CS", "SR").AsFile(TransferSyntax.ExplicitLittleUid));
        Write("junk.dcm", new byte[50]);

        var series = await AssembleAsync();

        Assert.That(series.Duplicates.Single(), Is.EqualTo(new[] { "1-again.dcm", "1.dcm" }));
        Assert.That(series.MissingInstanceNumbers, Is.EqualTo(new[] { 2, 3 }));
        Assert.That(series.IsMixedSeries, Is.True);
        Assert.That(series.HasMixedSizes, Is.True);
        Assert.That(series.NonImages.Single().Name, Is.EqualTo("report.dcm"));
        Assert.That(series.Unreadable.Single(), Has.Property("Name").EqualTo("junk.dcm").And.Property("Reason").EqualTo(DicomFailureReason.NotDicom));
        Assert.That(series.Findings(), Has.Some.Contains("junk.dcm is unreadable").And.Some.Contains("2 series").And.Some.Contains("3x4, 3x8")
            .And.Some.Contains("missing from the sequence: 2, 3").And.Some.Contains("report.dcm is not an image"));
    }

    private async Task<SeriesAssembly> AssembleAsync() =>
        await SeriesAssembler.AssembleAsync(Directory.GetFiles(_folder).Select(p => (Path.GetFileName(p), p)));

    private void Write(string name, Writing.SyntheticDicom dicom) => Write(name, dicom.ToBytes());

    private void Write(string name, byte[] bytes) => File.WriteAllBytes(Path.Combine(_folder, name), bytes);

    private static Writing.SyntheticDicom Slice(int? instanceNumber, double z) => Synthetic.Ct() with
    {
        SopInstanceUid = $"1.2.3.4.5.6.{instanceNumber ?? (int)(z + 100)}",
        InstanceNumber = instanceNumber ?? 0,
        ImagePositionPatient = [0, 0, z],
    };
}
