using System.Buffers.Binary;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Dicom;
using MedPipeline.Dicom.Writing;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Options;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Storage;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Workers.Tests;

/// <summary>The Preprocessor prices a series from its headers and fails it with the limit's name before decoding it.</summary>
public sealed class When_a_series_declares_more_than_its_budget
{
    private WorkerHarness _workers = null!;

    [SetUp]
    public async Task Start() => _workers = await WorkerHarness.StartAsync("medpipe-budget-",
        s => s.AddSeriesPreprocessing().Configure<SeriesLimitsOptions>(o => (o.MaxTensorBytes, o.MaxDecodedBytes) = (4L * 1024 * 1024, 1024L * 1024 * 1024)),
        x => x.AddConsumer<PreprocessSeriesConsumer>());

    [TearDown]
    public async Task Stop() => await _workers.DisposeAsync();

    [Test]
    public async Task Tiny_RLE_files_declaring_a_terabyte_of_pixels_fail_on_the_decoded_bytes_limit()
    {
        var file = HugeRle(side: 60_000, frames: 40);
        await _workers.Store.WriteAsync(StoreLayout.Instance("series/huge/a/instances", 1), new MemoryStream(file), null, default);

        var failure = await FailureOfAsync("series/huge/a/instances");

        Assert.That(file, Has.Length.LessThan(16 * 1024));
        Assert.That(failure, Does.Contain("Preprocessor:Limits:MaxDecodedBytes").And.Contain("40 frames"));
    }

    [Test]
    public async Task Many_small_frames_fail_on_the_tensor_bytes_limit()
    {
        // ct-lesion-classifier takes 1×64×64 floats (16 KB) per frame: 300 frames are past a 4 MB tensor budget.
        var pixels = new int[32 * 32];
        var file = new SyntheticDicom
        {
            SopInstanceUid = "1.2.3.4.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Rows = 32, Columns = 32, Frames = 300, Pixels = [.. Enumerable.Repeat(pixels, 300).SelectMany(p => p)],
        }.ToBytes();
        await _workers.Store.WriteAsync(StoreLayout.Instance("series/many/a/instances", 1), new MemoryStream(file), null, default);

        var failure = await FailureOfAsync("series/many/a/instances");

        Assert.That(failure, Does.Contain("Preprocessor:Limits:MaxTensorBytes").And.Contain("300 frames"));
    }

    private async Task<string?> FailureOfAsync(string instancesKey)
    {
        var correlationId = Guid.NewGuid();
        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = correlationId, AttemptId = Guid.NewGuid(), InstancesKey = instancesKey, ModelType = "ct-lesion-classifier" });
        var (done, failure) = await PublishedMessages.PreprocessedAsync(_workers.Harness, correlationId);
        Assert.That(done, Is.Null);
        return failure;
    }

    private static byte[] HugeRle(int side, int frames)
    {
        var frame = new byte[68];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, 2);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4), 64);
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(8), 66);
        return new DicomWriter()
            .Text(DicomTag.SopClassUid, "UI", SyntheticDicom.CtImageStorage).Text(DicomTag.SopInstanceUid, "UI", "1.2.3.4.1")
            .Text(DicomTag.StudyInstanceUid, "UI", "1.2.3").Text(DicomTag.SeriesInstanceUid, "UI", "1.2.3.4").Text(DicomTag.Modality, "CS", "CT")
            .UInt16(DicomTag.Rows, side).UInt16(DicomTag.Columns, side).UInt16(DicomTag.BitsAllocated, 16).UInt16(DicomTag.BitsStored, 16)
            .UInt16(DicomTag.SamplesPerPixel, 1).Text(DicomTag.PhotometricInterpretation, "CS", "MONOCHROME2")
            .Text(DicomTag.NumberOfFrames, "IS", frames.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Fragments([.. Enumerable.Range(0, frames).Select(_ => frame)]).ToBytes(TransferSyntax.RleLosslessUid);
    }
}
