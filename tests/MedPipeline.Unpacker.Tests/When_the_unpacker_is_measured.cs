using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Writing;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.SampleData;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;
using MedPipeline.Unpacker.Consumers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MedPipeline.Unpacker.Tests;

public sealed class When_the_unpacker_is_measured
{
    private string _root = "";
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;
    private FileSystemStore _store = null!;
    private MetricCollector<double> _durations = null!;
    private MetricCollector<long> _instances = null!;

    [SetUp]
    public async Task Start()
    {
        _durations = new MetricCollector<double>(MedPipelineTelemetry.Meter, "medpipeline.stage.duration");
        _instances = new MetricCollector<long>(MedPipelineTelemetry.Meter, "medpipeline.instances.processed");
        _root = Directory.CreateTempSubdirectory("medpipe-unpacker-metrics-").FullName;
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
        _durations.Dispose();
        _instances.Dispose();
    }

    [Test]
    public async Task An_unpacked_series_records_an_ok_stage_and_counts_its_instances()
    {
        await SubmitAsync(new SeriesArchive().Add("CT_1.dcm", Ct(1)).Add("CT_2.dcm", Ct(2)).Add("CT_3.dcm", Ct(3)));

        Assert.That(await _harness.Published.Any<SeriesUnpacked>(), Is.True);
        Assert.That(Stages(), Is.EqualTo(new[] { ("unpack", "ok") }));
        var counted = _instances.GetMeasurementSnapshot().Single();
        Assert.That((counted.Tags["medpipeline.stage"], counted.Value), Is.EqualTo(("unpack", 3L)));
    }

    [Test]
    public async Task A_rejected_archive_is_a_failed_stage_with_nothing_counted()
    {
        await SubmitAsync(new SeriesArchive().Add("../../etc/CT_1.dcm", Ct(1)));

        Assert.That(await _harness.Published.Any<SeriesArchiveRejected>(), Is.True);
        Assert.That(Stages(), Is.EqualTo(new[] { ("unpack", "failed") }));
        Assert.That(_instances.GetMeasurementSnapshot(), Is.Empty);
    }

    [Test]
    public async Task A_stage_that_throws_is_recorded_failed_and_still_faults()
    {
        await _harness.Bus.Publish(new UnpackSeriesArchive { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), ArchiveKey = "archives/missing.zip" });

        Assert.That(await _harness.Published.Any<Fault<UnpackSeriesArchive>>(), Is.True, "the exception goes on to MassTransit");
        Assert.That(Stages(), Is.EqualTo(new[] { ("unpack", "failed") }));
    }

    private (string Stage, string Outcome)[] Stages() =>
        [.. _durations.GetMeasurementSnapshot().Select(m => ($"{m.Tags["medpipeline.stage"]}", $"{m.Tags["outcome"]}"))];

    private static byte[] Ct(int instance) => new SyntheticDicom
    {
        SopInstanceUid = $"1.2.3.4.{instance}", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", InstanceNumber = instance,
        Rows = 4, Columns = 4, Pixels = new int[16],
    }.ToBytes();

    private async Task SubmitAsync(SeriesArchive zip)
    {
        await _store.WriteAsync("archives/a.zip", new MemoryStream(zip.Build()), null, CancellationToken.None);
        await _harness.Bus.Publish(new UnpackSeriesArchive
        {
            CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), ArchiveKey = "archives/a.zip",
            StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", ModelType = "ct-lesion-classifier",
        });
        Assert.That(await _harness.Consumed.Any<UnpackSeriesArchive>(), Is.True);
    }
}
