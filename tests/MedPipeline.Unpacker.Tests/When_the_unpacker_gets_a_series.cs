using System.IO.Compression;
using System.IO.Hashing;
using MedPipeline.SampleData;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Series;
using MedPipeline.Dicom.Writing;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;
using MedPipeline.Unpacker.Consumers;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Unpacker.Tests;

public sealed class When_the_unpacker_gets_a_series
{
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

    private static byte[] Ct(int instance, string series = "1.2.3.4", int size = 4) => new SyntheticDicom
    {
        SopInstanceUid = $"{series}.{instance}", StudyInstanceUid = "1.2.3", SeriesInstanceUid = series, InstanceNumber = instance,
        Rows = size, Columns = size, Pixels = new int[size * size],
    }.ToBytes();

    private async Task<UnpackSeriesArchive> SubmitAsync(SeriesArchive zip)
    {
        await _store.WriteAsync("archives/a.zip", new MemoryStream(zip.Build()), null, CancellationToken.None);
        var command = new UnpackSeriesArchive
        {
            CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), ArchiveKey = "archives/a.zip",
            StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", ModelType = "ct-lesion-classifier",
        };
        await _harness.Bus.Publish(command);
        Assert.That(await _harness.Consumed.Any<UnpackSeriesArchive>(), Is.True);
        return command;
    }

    [Test]
    public async Task A_clean_series_is_unpacked_and_described()
    {
        var command = await SubmitAsync(new SeriesArchive().Add("CT_1.dcm", Ct(1)).Add("CT_2.dcm", Ct(2)).Add("CT_3.dcm", Ct(3)));

        Assert.That(await _harness.Published.Any<SeriesUnpacked>(), Is.True);
        var unpacked = _harness.Published.Select<SeriesUnpacked>().Single().Context.Message;
        Assert.That((unpacked.CorrelationId, unpacked.AttemptId), Is.EqualTo((command.CorrelationId, command.AttemptId)));
        Assert.That((unpacked.Modality, unpacked.InstanceCount, unpacked.ImageInstanceCount), Is.EqualTo(("CT", 3, 3)));
        Assert.That(_store.List(unpacked.InstancesKey), Has.Count.EqualTo(3));
    }

    [Test]
    public async Task What_each_header_said_is_kept_in_the_instance_index_whose_key_travels_on()
    {
        await SubmitAsync(new SeriesArchive().Add("CT_3.dcm", Ct(3)).Add("CT_1.dcm", Ct(1)).Add("CT_2.dcm", Ct(2)));

        Assert.That(await _harness.Published.Any<SeriesUnpacked>(), Is.True);
        var unpacked = _harness.Published.Select<SeriesUnpacked>().Single().Context.Message;
        Assert.That(unpacked.InstanceIndexKey, Is.EqualTo(StoreLayout.InstanceIndexOf(unpacked.InstancesKey)));
        var index = await StoredJson.ReadAsync<InstanceIndex>(_store, unpacked.InstanceIndexKey!, CancellationToken.None);
        Assert.That(index.Instances.Select(i => (i.Order, i.Name, i.Info.InstanceNumber)), Is.EqualTo(new[] { (1, "CT_1.dcm", (int?)1), (2, "CT_2.dcm", 2), (3, "CT_3.dcm", 3) }),
            "in series order, not archive order");
        foreach (var instance in index.Instances)
        {
            var bytes = Ct(instance.Info.InstanceNumber!.Value);
            Assert.That(instance.Key, Does.StartWith(unpacked.InstancesKey + "/"));
            Assert.That(instance.Bytes, Is.EqualTo(bytes.Length));
            Assert.That((instance.Info.Rows, instance.Info.Columns, instance.Info.BitsAllocated, instance.Info.SopInstanceUid), Is.EqualTo(((int?)4, (int?)4, (int?)16, $"1.2.3.4.{instance.Info.InstanceNumber}")));
            Assert.That(instance.Info.TransferSyntaxUid, Is.EqualTo(Dicom.TransferSyntax.ExplicitLittleUid));
            Assert.That(instance.PixelData, Is.Not.Null);
            Assert.That((instance.PixelData!.Offset + instance.PixelData.Length, instance.PixelData.Length), Is.EqualTo((bytes.Length, 32)), "the pixel data is the last 4x4x2 bytes");
        }

        Assert.That(_store.List(unpacked.InstancesKey), Has.Count.EqualTo(3), "the index is kept beside the instances, not among them");
    }

    [Test]
    public async Task Stored_entries_are_left_in_the_upload_and_indexed_by_their_offset()
    {
        var files = Enumerable.Range(1, 3).ToDictionary(i => i, i => Ct(i, size: 64));
        var zip = new SeriesArchive(CompressionLevel.NoCompression).Add("a/CT_2.dcm", files[2]).Add("CT_1.dcm", files[1])
            .Add("CT_3.dcm", files[3]);
        await SubmitAsync(zip);

        Assert.That(await _harness.Published.Any<SeriesUnpacked>(), Is.True);
        var unpacked = _harness.Published.Select<SeriesUnpacked>().Single().Context.Message;
        Assert.That(unpacked.ImageInstanceCount, Is.EqualTo(3));
        Assert.That(_store.List(unpacked.InstancesKey), Is.Empty, "nothing is copied out of the upload");
        var index = await StoredJson.ReadAsync<InstanceIndex>(_store, unpacked.InstanceIndexKey!, CancellationToken.None);
        Assert.That(index.Instances.Select(i => (i.Name, i.Key, i.FileName)),
            Is.EqualTo(new[] { ("CT_1.dcm", "archives/a.zip", "CT_1.dcm"), ("a/CT_2.dcm", "archives/a.zip", "a/CT_2.dcm"), ("CT_3.dcm", "archives/a.zip", "CT_3.dcm") }));
        foreach (var instance in index.Instances)
        {
            Assert.That(instance.Offset, Is.Not.Null);
            await using var placed = _store.OpenRead(instance.Key, instance.Offset, instance.Bytes);
            using var copy = new MemoryStream();
            await placed.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(files[instance.Info.InstanceNumber!.Value]), $"the bytes at the offset of {instance.Name} are that file");
            Assert.That(instance.PixelData, Is.Not.Null);
            Assert.That(instance.Crc32, Is.EqualTo(Crc32.HashToUInt32(copy.ToArray())), "the ZIP's CRC-32 of the entry travels with it");
        }
    }

    [Test]
    public async Task A_deflated_entry_beside_stored_ones_is_extracted_as_before()
    {
        using var both = new MemoryStream();
        using (var writer = new ZipArchive(both, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (number, level) in new[] { (1, CompressionLevel.NoCompression), (2, CompressionLevel.Optimal) })
            {
                using var entry = writer.CreateEntry($"CT_{number}.dcm", level).Open();
                entry.Write(Ct(number, size: 64));
            }
        }

        await _store.WriteAsync("archives/a.zip", new MemoryStream(both.ToArray()), null, CancellationToken.None);
        await _harness.Bus.Publish(new UnpackSeriesArchive
        {
            CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), ArchiveKey = "archives/a.zip",
            StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", ModelType = "ct-lesion-classifier",
        });

        Assert.That(await _harness.Published.Any<SeriesUnpacked>(), Is.True);
        var unpacked = _harness.Published.Select<SeriesUnpacked>().Single().Context.Message;
        var index = await StoredJson.ReadAsync<InstanceIndex>(_store, unpacked.InstanceIndexKey!, CancellationToken.None);
        Assert.That(index.Instances.Select(i => (i.Name, i.Offset is null, i.Crc32 is null)), Is.EqualTo(new[] { ("CT_1.dcm", false, false), ("CT_2.dcm", true, true) }),
            "a deflated entry was checked by the ZIP reader when written out; only the one read in place carries its CRC-32");
        Assert.That(_store.List(unpacked.InstancesKey), Is.EqualTo(new[] { index.Instances[1].Key }), "only the deflated entry was written out");
    }

    [Test]
    public async Task Instances_of_another_series_are_a_UID_mismatch()
    {
        await SubmitAsync(new SeriesArchive().Add("CT_1.dcm", Ct(1, "9.9.9")));

        var rejected = await RejectionAsync();
        Assert.That(rejected.Kind, Is.EqualTo(RejectionKind.UidMismatch));
        Assert.That(rejected.Reason, Does.Contain("not the announced study 1.2.3 / series 1.2.3.4"));
    }

    [Test]
    public async Task Two_series_in_one_archive_are_rejected_as_mixed()
    {
        await SubmitAsync(new SeriesArchive().Add("CT_1.dcm", Ct(1)).Add("CT_2.dcm", Ct(2, "9.9.9")));

        Assert.That((await RejectionAsync()).Kind, Is.EqualTo(RejectionKind.MixedSeries));
    }

    [Test]
    public async Task A_zip_slip_entry_is_rejected_with_its_name()
    {
        await SubmitAsync(new SeriesArchive().Add("../../etc/CT_1.dcm", Ct(1)));

        var rejected = await RejectionAsync();
        Assert.That(rejected.Kind, Is.EqualTo(RejectionKind.UnsafePath));
        Assert.That(rejected.Reason, Does.Contain("../../etc/CT_1.dcm"));
    }

    [Test]
    public async Task A_truncated_instance_is_rejected_as_truncated()
    {
        var bytes = Ct(1);
        await SubmitAsync(new SeriesArchive().Add("CT_1.dcm", bytes[..(bytes.Length - 10)]));

        var rejected = await RejectionAsync();
        Assert.That(rejected.Kind, Is.EqualTo(RejectionKind.Truncated));
        Assert.That(rejected.Reason, Does.StartWith("CT_1.dcm is unreadable (Truncated)"));
    }

    [Test]
    public async Task An_archive_of_reports_only_has_no_image_instances()
    {
        var report = new DicomWriter().Text(Dicom.DicomTag.SopClassUid, "UI", "1.2.840.10008.5.1.4.1.1.88.11")
            .Text(Dicom.DicomTag.SopInstanceUid, "UI", "1.2.3.4.9").Text(Dicom.DicomTag.Modality, "CS", "SR")
            .ToBytes(Dicom.TransferSyntax.ExplicitLittleUid);

        await SubmitAsync(new SeriesArchive().Add("SR_1.dcm", report));

        Assert.That((await RejectionAsync()).Kind, Is.EqualTo(RejectionKind.NoImageInstances));
    }

    private async Task<SeriesArchiveRejected> RejectionAsync()
    {
        Assert.That(await _harness.Published.Any<SeriesArchiveRejected>(), Is.True);
        return _harness.Published.Select<SeriesArchiveRejected>().Single().Context.Message;
    }
}
