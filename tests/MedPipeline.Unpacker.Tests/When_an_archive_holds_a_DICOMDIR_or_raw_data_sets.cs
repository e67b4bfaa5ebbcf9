using System.Buffers.Binary;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Writing;
using MedPipeline.SampleData;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;
using MedPipeline.Unpacker.Consumers;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Unpacker.Tests;

/// <summary>What CD exports and some exporters put in a ZIP: a DICOMDIR index, and data sets without preamble or meta.</summary>
public sealed class When_an_archive_holds_a_DICOMDIR_or_raw_data_sets
{
    private const string PydicomDicomDir = "/usr/lib/python3/dist-packages/pydicom/data/test_files/dicomdirtests/DICOMDIR";
    private string _root = "";
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private FileSystemStore _store = null!;

    [SetUp]
    public async Task Start()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-unpacker-").FullName;
        _store = new FileSystemStore(_root);
        _provider = new ServiceCollection()
            .AddSingleton<ISeriesStore>(_store)
            .AddSingleton(new ArchiveLimits())
            .AddMassTransitTestHarness(x => x.AddConsumer<UnpackSeriesArchiveConsumer>())
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [TearDown]
    public async Task Stop()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task The_DICOMDIR_is_left_out_and_the_series_unpacks()
    {
        var dicomDir = await File.ReadAllBytesAsync(PydicomDicomDir);

        await SubmitAsync(new SeriesArchive().Add("DICOMDIR", dicomDir).Add("DICOM/IM1", Ct(1)).Add("DICOM/IM2", Ct(2)));

        var unpacked = await UnpackedAsync();
        Assert.That((unpacked.InstanceCount, unpacked.ImageInstanceCount), Is.EqualTo((2, 2)));
        Assert.That(unpacked.TotalBytes, Is.EqualTo(Ct(1).Length + Ct(2).Length), "the DICOMDIR's bytes are not counted");
    }

    [Test]
    public async Task A_DICOMDIR_in_a_subfolder_in_any_case_is_left_out_too()
    {
        var extracted = await new SafeZipExtractor(_store, new ArchiveLimits()).ExtractAsync(
            await StoreAsync(new SeriesArchive().Add("CD/dicomdir", await File.ReadAllBytesAsync(PydicomDicomDir)).Add("CD/IM1", Ct(1))), "out", CancellationToken.None);

        Assert.That(extracted.Select(e => (e.EntryName, e.Key)), Is.EqualTo(new[] { ("CD/IM1", "out/00001.dcm") }));
    }

    [Test]
    public async Task An_archive_with_only_a_DICOMDIR_is_empty()
    {
        await SubmitAsync(new SeriesArchive().Add("DICOMDIR", await File.ReadAllBytesAsync(PydicomDicomDir)));

        Assert.That(await _harness.Published.Any<SeriesArchiveRejected>(), Is.True);
        var rejected = _harness.Published.Select<SeriesArchiveRejected>().Single().Context.Message;
        Assert.That(rejected.Kind, Is.EqualTo(RejectionKind.Empty));
        Assert.That(rejected.Reason, Does.Contain("nothing but a DICOMDIR"));
    }

    [Test]
    public async Task Raw_data_sets_without_preamble_or_meta_are_unpacked_as_images()
    {
        await SubmitAsync(new SeriesArchive().Add("CT_1.dcm", Ct(1)).Add("CT_2.raw", DataSetOf(Ct(2))));

        var unpacked = await UnpackedAsync();
        Assert.That((unpacked.InstanceCount, unpacked.ImageInstanceCount, unpacked.Modality), Is.EqualTo((2, 2, "CT")));
    }

    private static byte[] Ct(int instance) => new SyntheticDicom
    {
        SopInstanceUid = $"1.2.3.4.{instance}", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", InstanceNumber = instance,
        Rows = 4, Columns = 4, Pixels = new int[16],
    }.ToBytes();

    /// <summary>The bytes after the preamble, DICM and the explicit-VR meta group.</summary>
    private static byte[] DataSetOf(byte[] file)
    {
        var position = 132;
        while (BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position)) == 0x0002)
        {
            var vr = System.Text.Encoding.ASCII.GetString(file, position + 4, 2);
            position += vr is "OB" or "UN" or "UT" or "SQ"
                ? 12 + (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(position + 8))
                : 8 + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(position + 6));
        }

        return file[position..];
    }

    private async Task<string> StoreAsync(SeriesArchive zip)
    {
        await _store.WriteAsync("archives/a.zip", new MemoryStream(zip.Build()), null, CancellationToken.None);
        return "archives/a.zip";
    }

    private async Task SubmitAsync(SeriesArchive zip)
    {
        await _harness.Bus.Publish(new UnpackSeriesArchive
        {
            CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), ArchiveKey = await StoreAsync(zip),
            StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", ModelType = "ct-lesion-classifier",
        });
        Assert.That(await _harness.Consumed.Any<UnpackSeriesArchive>(), Is.True);
    }

    private async Task<SeriesUnpacked> UnpackedAsync()
    {
        Assert.That(await _harness.Published.Any<SeriesUnpacked>(), Is.True,
            string.Join("; ", _harness.Published.Select<SeriesArchiveRejected>().Select(r => r.Context.Message.Reason)));
        return _harness.Published.Select<SeriesUnpacked>().Single().Context.Message;
    }
}
