using System.IO.Hashing;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Series;
using MedPipeline.Dicom.Writing;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Storage;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Workers.Tests;

/// <summary>
/// The Preprocessor given the Unpacker's instance index. The proof that it parses no header again: files whose
/// every byte before the pixel data is zeroed (no DICOM reader can parse them) still decode through the index.
/// </summary>
public sealed class When_the_unpacker_left_an_instance_index
{
    private const int Slices = 3;
    private WorkerHarness _workers = null!;

    [SetUp]
    public async Task Start() => _workers = await WorkerHarness.StartAsync("medpipe-index-",
        s => s.AddSeriesPreprocessing(), x => x.AddConsumer<PreprocessSeriesConsumer>());

    [TearDown]
    public async Task Stop() => await _workers.DisposeAsync();

    [Test]
    public async Task Files_whose_headers_cannot_be_parsed_decode_through_the_index_to_the_same_tensors()
    {
        await WriteSeriesAsync("series/intact/a/instances");
        var reference = await PreprocessAsync("series/intact/a/instances", indexKey: null);
        await WriteSeriesAsync("series/indexed/a/instances");
        var index = await UnpackerIndex.WriteAsync(_workers.Store, "series/indexed/a/instances");
        await ZeroHeadersAsync(index);

        var indexed = await PreprocessAsync("series/indexed/a/instances", StoreLayout.InstanceIndexOf("series/indexed/a/instances"));

        Assert.That(indexed.FrameCount, Is.EqualTo(Slices));
        var (expected, actual) = (await TensorBatches.ReadIndexAsync(_workers.Store, reference.TensorsKey, default), await TensorBatches.ReadIndexAsync(_workers.Store, indexed.TensorsKey, default));
        Assert.That(actual.Rows.Select(r => (r.SopInstanceUid, r.InstanceNumber)), Is.EqualTo(expected.Rows.Select(r => (r.SopInstanceUid, r.InstanceNumber))));
        Assert.That(await TensorBatches.ReadBatchAsync(_workers.Store, indexed.TensorBatchKeys[0], default),
            Is.EqualTo(await TensorBatches.ReadBatchAsync(_workers.Store, reference.TensorBatchKeys[0], default)));
    }

    [Test]
    public async Task The_same_damaged_files_without_an_index_are_parsed_and_fail()
    {
        await WriteSeriesAsync("series/damaged/a/instances");
        var index = await UnpackerIndex.WriteAsync(_workers.Store, "series/damaged/a/instances");
        await ZeroHeadersAsync(index);
        _workers.Store.DeletePrefix(StoreLayout.InstanceIndexOf("series/damaged/a/instances"));

        var correlationId = Guid.NewGuid();
        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = "series/damaged/a/instances", ModelType = "ct-lesion-classifier" });

        var (done, failure) = await PublishedMessages.PreprocessedAsync(_workers.Harness, correlationId);
        Assert.That(done, Is.Null);
        Assert.That(failure, Does.Contain("NotDicom"));
    }

    [Test]
    public async Task An_index_naming_a_key_outside_the_series_fails_the_series()
    {
        await WriteSeriesAsync("series/stray/a/instances");
        var index = await UnpackerIndex.WriteAsync(_workers.Store, "series/stray/a/instances");
        await StoredJson.WriteAsync(_workers.Store, StoreLayout.InstanceIndexOf("series/stray/a/instances"),
            new InstanceIndex([index.Instances[0] with { Key = "archives/elsewhere.dcm" }]), default);
        var correlationId = Guid.NewGuid();

        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = "series/stray/a/instances", ModelType = "ct-lesion-classifier" });

        var (done, failure) = await PublishedMessages.PreprocessedAsync(_workers.Harness, correlationId);
        Assert.That(done, Is.Null);
        Assert.That(failure, Does.Contain("archives/elsewhere.dcm"));
    }

    [Test]
    public async Task Images_left_in_the_upload_decode_from_their_offsets_to_the_same_tensors()
    {
        await WriteSeriesAsync("series/intact/a/instances");
        var reference = await PreprocessAsync("series/intact/a/instances", indexKey: null);
        var index = await PlaceInUploadAsync("series/intact/a/instances", "series/placed/a/instances", "archives/o/upload.zip");

        var placed = await PreprocessAsync("series/placed/a/instances", StoreLayout.InstanceIndexOf("series/placed/a/instances"), "archives/o/upload.zip");

        Assert.That(index.Instances.All(i => i.Offset > 0), Is.True);
        Assert.That(_workers.Store.List("series/placed/a/instances"), Is.Empty, "every image is read from the upload");
        Assert.That(await TensorBatches.ReadBatchAsync(_workers.Store, placed.TensorBatchKeys[0], default),
            Is.EqualTo(await TensorBatches.ReadBatchAsync(_workers.Store, reference.TensorBatchKeys[0], default)));
    }

    [TestCase("archives/o/other.zip")]
    [TestCase(null)]
    public async Task An_image_in_place_in_another_object_than_the_series_upload_fails_the_series(string? archiveKey)
    {
        await WriteSeriesAsync("series/source/a/instances");
        await PlaceInUploadAsync("series/source/a/instances", "series/placed/a/instances", "archives/o/upload.zip");
        var correlationId = Guid.NewGuid();

        await _workers.Harness.Bus.Publish(new PreprocessSeries
        {
            CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = "series/placed/a/instances", ModelType = "ct-lesion-classifier",
            ArchiveKey = archiveKey,
        });

        var (done, failure) = await PublishedMessages.PreprocessedAsync(_workers.Harness, correlationId);
        Assert.That(done, Is.Null);
        Assert.That(failure, Does.Contain("archives/o/upload.zip"));
    }

    [Test]
    public async Task An_image_in_place_whose_bytes_no_longer_match_its_CRC_32_fails_the_series_as_damaged()
    {
        await WriteSeriesAsync("series/source/a/instances");
        var index = await PlaceInUploadAsync("series/source/a/instances", "series/placed/a/instances", "archives/o/upload.zip");
        byte[] upload;
        await using (var stream = _workers.Store.OpenRead("archives/o/upload.zip"))
        {
            upload = new byte[stream.Length];
            await stream.ReadExactlyAsync(upload);
        }

        // One pixel of the third image changed after the archive was written: its header still parses, its pixels would decode.
        var damaged = index.Instances[2];
        upload[(int)damaged.Offset!.Value + damaged.PixelData!.Offset + 3] ^= 0x01;
        await _workers.Store.WriteAsync("archives/o/upload.zip", new MemoryStream(upload), null, default);
        var correlationId = Guid.NewGuid();

        await _workers.Harness.Bus.Publish(new PreprocessSeries
        {
            CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = "series/placed/a/instances", ModelType = "ct-lesion-classifier",
            InstanceIndexKey = StoreLayout.InstanceIndexOf("series/placed/a/instances"), ArchiveKey = "archives/o/upload.zip",
        });

        var (done, failure) = await PublishedMessages.PreprocessedAsync(_workers.Harness, correlationId);
        Assert.That(done, Is.Null);
        Assert.That(failure, Does.Contain(damaged.FileName).And.Contain("Damaged").And.Contain("CRC-32"));
    }

    /// <summary>The files of a series one after another (with a gap before each) in one object, and an index naming their offsets.</summary>
    private async Task<InstanceIndex> PlaceInUploadAsync(string sourceKey, string instancesKey, string uploadKey)
    {
        var source = await UnpackerIndex.WriteAsync(_workers.Store, sourceKey);
        using var upload = new MemoryStream();
        var placed = new List<IndexedInstance>();
        foreach (var instance in source.Instances)
        {
            upload.Write(new byte[77]);
            using var file = new MemoryStream();
            await using (var stored = _workers.Store.OpenRead(instance.Key))
            {
                await stored.CopyToAsync(file);
            }

            // As the Unpacker records it for a stored entry: the CRC-32 the ZIP holds for the file.
            placed.Add(instance with { Key = uploadKey, Offset = upload.Position, Crc32 = Crc32.HashToUInt32(file.ToArray()) });
            file.WriteTo(upload);
        }

        await _workers.Store.WriteAsync(uploadKey, new MemoryStream(upload.ToArray()), null, default);
        var index = new InstanceIndex(placed);
        await StoredJson.WriteAsync(_workers.Store, StoreLayout.InstanceIndexOf(instancesKey), index, default);
        return index;
    }

    private async Task WriteSeriesAsync(string instancesKey)
    {
        var random = new Random(5);
        for (var i = 0; i < Slices; i++)
        {
            var slice = new SyntheticDicom
            {
                SopInstanceUid = $"1.2.3.4.{i + 1}", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", InstanceNumber = Slices - i,
                Rows = 96, Columns = 80, BitsStored = 12, RescaleSlope = 1, RescaleIntercept = -1024,
                Pixels = [.. Enumerable.Range(0, 96 * 80).Select(_ => random.Next(0, 4096))],
            };
            await _workers.Store.WriteAsync(StoreLayout.Instance(instancesKey, i + 1), new MemoryStream(slice.ToBytes()), null, default);
        }
    }

    private async Task ZeroHeadersAsync(InstanceIndex index)
    {
        foreach (var instance in index.Instances)
        {
            byte[] bytes;
            await using (var stream = _workers.Store.OpenRead(instance.Key))
            {
                bytes = new byte[stream.Length];
                await stream.ReadExactlyAsync(bytes);
            }

            Array.Clear(bytes, 0, instance.PixelData!.Offset);
            await _workers.Store.WriteAsync(instance.Key, new MemoryStream(bytes), null, default);
        }
    }

    private async Task<SeriesPreprocessed> PreprocessAsync(string instancesKey, string? indexKey, string? archiveKey = null)
    {
        var correlationId = Guid.NewGuid();
        await _workers.Harness.Bus.Publish(new PreprocessSeries
        {
            CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = instancesKey, ModelType = "ct-lesion-classifier", InstanceIndexKey = indexKey,
            ArchiveKey = archiveKey,
        });
        var (done, failure) = await PublishedMessages.PreprocessedAsync(_workers.Harness, correlationId);
        Assert.That(done, Is.Not.Null, failure);
        return done!;
    }
}
