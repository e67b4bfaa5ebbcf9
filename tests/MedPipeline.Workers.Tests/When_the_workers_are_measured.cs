using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Inference.Consumers;
using MedPipeline.Inference.Series;
using MedPipeline.Inference.Telemetry;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Storage;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace MedPipeline.Workers.Tests;

/// <summary>The Preprocessor and Inference consumers on a shipped model, listened to as the Prometheus exporter listens.</summary>
public sealed class When_the_workers_are_measured
{
    private string _root = "";
    private FileSystemStore _store = null!;
    private ModelRegistry _registry = null!;
    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    [SetUp]
    public async Task Start()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-metrics-").FullName;
        _store = new FileSystemStore(_root);
        _registry = ModelRegistry.Load(RepositoryPaths.Models);
        _provider = new ServiceCollection()
            .AddSingleton<ISeriesStore>(_store).AddSingleton(_registry).AddSingleton(ModelManifests.Read(RepositoryPaths.Models))
            .AddSeriesPreprocessing().AddSeriesInference()
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<PreprocessSeriesConsumer>();
                x.AddConsumer<RunSeriesInferenceConsumer>();
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        _harness.TestTimeout = TimeSpan.FromSeconds(60);
        await _harness.Start();
    }

    [TearDown]
    public async Task Stop()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        _registry.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Test]
    public async Task Each_stage_records_its_duration_and_frames_and_the_model_its_run_time()
    {
        using var durations = new MetricCollector<double>(MedPipelineTelemetry.Meter, "medpipeline.stage.duration");
        using var instances = new MetricCollector<long>(MedPipelineTelemetry.Meter, "medpipeline.instances.processed");
        using var runTimes = new MetricCollector<double>(MedPipelineTelemetry.Meter, ModelRunTime.InstrumentName);
        var slices = ShippedSample.All().Where(s => s.ModelType == "ct-lesion-classifier").Take(3).ToList();
        for (var i = 0; i < slices.Count; i++)
        {
            await _store.WriteAsync($"series/s/a/instances/{i + 1:D5}.dcm", new MemoryStream(ShippedInstance.Of(slices[i], i + 1)), null, CancellationToken.None);
        }

        var ids = (CorrelationId: Guid.NewGuid(), AttemptId: Guid.NewGuid());
        await _harness.Bus.Publish(new PreprocessSeries { CorrelationId = ids.CorrelationId, AttemptId = ids.AttemptId, InstancesKey = "series/s/a/instances", ModelType = "ct-lesion-classifier" });
        var preprocessed = await PublishedAsync<SeriesPreprocessed>();
        await _harness.Bus.Publish(new RunSeriesInference
        {
            CorrelationId = ids.CorrelationId, AttemptId = ids.AttemptId, TensorsKey = preprocessed.TensorsKey, TensorBatchKeys = preprocessed.TensorBatchKeys, ModelType = "ct-lesion-classifier",
        });
        await PublishedAsync<SeriesInferenceCompleted>();

        Assert.That(durations.GetMeasurementSnapshot().Select(m => ($"{m.Tags["medpipeline.stage"]}", $"{m.Tags["outcome"]}")),
            Is.EquivalentTo(new[] { ("preprocess", "ok"), ("inference", "ok") }));
        Assert.That(durations.GetMeasurementSnapshot().Select(m => m.Value), Has.All.GreaterThan(0));
        Assert.That(instances.GetMeasurementSnapshot().Select(m => ($"{m.Tags["medpipeline.stage"]}", m.Value)),
            Is.EquivalentTo(new[] { ("preprocess", 3L), ("inference", 3L) }));
        var run = runTimes.GetMeasurementSnapshot().Single();
        Assert.That(run.Tags["medpipeline.model"], Is.EqualTo("ct-lesion-classifier"));
        Assert.That(run.Value, Is.GreaterThan(0).And.LessThanOrEqualTo(durations.GetMeasurementSnapshot().Single(m => $"{m.Tags["medpipeline.stage"]}" == "inference").Value));
    }

    [Test]
    public async Task A_series_that_cannot_be_preprocessed_is_a_failed_stage_with_no_frames_counted()
    {
        using var durations = new MetricCollector<double>(MedPipelineTelemetry.Meter, "medpipeline.stage.duration");
        using var instances = new MetricCollector<long>(MedPipelineTelemetry.Meter, "medpipeline.instances.processed");
        var bytes = ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier").ToDicom();
        await _store.WriteAsync("series/x/a/instances/00001.dcm", new MemoryStream(bytes[..(bytes.Length - 100)]), null, CancellationToken.None);

        await _harness.Bus.Publish(new PreprocessSeries { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), InstancesKey = "series/x/a/instances", ModelType = "ct-lesion-classifier" });
        await PublishedAsync<SeriesPreprocessingFailed>();

        var duration = durations.GetMeasurementSnapshot().Single();
        Assert.That(duration.Tags["medpipeline.stage"], Is.EqualTo("preprocess"));
        Assert.That(duration.Tags["outcome"], Is.EqualTo("failed"));
        Assert.That(instances.GetMeasurementSnapshot(), Is.Empty);
    }

    private async Task<T> PublishedAsync<T>()
        where T : class
    {
        for (var i = 0; i < 300 && !_harness.Published.Select<T>().Any(); i++)
        {
            await Task.Delay(100);
        }

        return _harness.Published.Select<T>().Single().Context.Message;
    }
}
