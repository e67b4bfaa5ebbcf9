using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Imaging.Png;
using MedPipeline.Inference.Consumers;
using MedPipeline.Inference.Series;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Workers.Tests;

/// <summary>The Inference worker paints the deciding frames (top 3 by default) over their decoded sources and stores the PNGs.</summary>
public sealed class When_a_series_result_gets_heatmaps
{
    private const string Instances = "series/h/a/instances";
    private static ModelRegistry _registry = null!;
    private WorkerHarness _workers = null!;

    [OneTimeSetUp]
    public void LoadModels() => _registry = ModelRegistry.Load(RepositoryPaths.Models);

    [OneTimeTearDown]
    public void UnloadModels() => _registry.Dispose();

    [SetUp]
    public async Task Start() => _workers = await WorkerHarness.StartAsync("medpipe-heatmaps-",
        s => s.AddSingleton(_registry).AddSeriesPreprocessing().AddSeriesInference(),
        x =>
        {
            x.AddConsumer<PreprocessSeriesConsumer>();
            x.AddConsumer<RunSeriesInferenceConsumer>();
        });

    [TearDown]
    public async Task Stop() => await _workers.DisposeAsync();

    [Test]
    public async Task An_anomaly_series_has_PNGs_of_its_three_highest_error_frames_at_the_source_size()
    {
        var samples = ShippedSample.All().Where(s => s.ModelType == "xray-anomaly" && s.Label == "normal").Take(4)
            .Append(ShippedSample.All().First(s => s.ModelType == "xray-anomaly" && s.Label == "anomaly")).ToList();

        var completed = await RunAsync("xray-anomaly", samples, withIndex: true);

        var byError = completed.Prediction.Instances.OrderByDescending(i => i.ReconstructionMse).Take(3).Select(i => i.SopInstanceUid);
        Assert.That(completed.Heatmaps.Select(h => h.SopInstanceUid), Is.EqualTo(byError));
        foreach (var heatmap in completed.Heatmaps)
        {
            Assert.That(heatmap.StoreKey, Does.StartWith("series/h/a/heatmaps/"));
            await using var stream = _workers.Store.OpenRead(heatmap.StoreKey);
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes);
            using var png = PngDecoder.Decode(bytes.ToArray(), maxPixels: 100_000_000);
            var sample = samples[int.Parse(heatmap.SopInstanceUid.Split('.')[^1], System.Globalization.CultureInfo.InvariantCulture) - 1];
            Assert.That((png.Width, png.Height), Is.EqualTo((sample.Entry.GetProperty("width").GetInt32(), sample.Entry.GetProperty("height").GetInt32())));
            Assert.That((heatmap.Width, heatmap.Height, heatmap.Frame), Is.EqualTo((png.Width, png.Height, 1)));
        }
    }

    [Test]
    public async Task A_classifier_series_leads_with_the_frame_most_likely_to_hold_a_lesion()
    {
        var slices = ShippedSample.All().Where(s => s.ModelType == "ct-lesion-classifier" && s.Label == "normal").Take(3)
            .Append(ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier" && s.Label == "lesion")).ToList();

        var completed = await RunAsync("ct-lesion-classifier", slices, withIndex: true);

        Assert.That(completed.Heatmaps, Has.Count.EqualTo(3));
        Assert.That(completed.Heatmaps[0].SopInstanceUid, Is.EqualTo(completed.Prediction.Instances.Single(i => i.PredictedClass == "lesion").SopInstanceUid));
    }

    [Test]
    public async Task Without_the_sources_index_the_series_still_completes_without_heatmaps()
    {
        var samples = ShippedSample.All().Where(s => s.ModelType == "xray-anomaly").Take(2).ToList();

        var completed = await RunAsync("xray-anomaly", samples, withIndex: false);

        Assert.That(completed.Prediction.InstanceCount, Is.EqualTo(2));
        Assert.That(completed.Heatmaps, Is.Empty);
    }

    private async Task<SeriesInferenceCompleted> RunAsync(string modelType, List<ShippedSample> samples, bool withIndex)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            await _workers.Store.WriteAsync($"{Instances}/{i + 1:D5}.dcm", new MemoryStream(ShippedInstance.Of(samples[i], i + 1)), null, CancellationToken.None);
        }

        if (withIndex)
        {
            await UnpackerIndex.WriteAsync(_workers.Store, Instances);
        }

        var ids = (CorrelationId: Guid.NewGuid(), AttemptId: Guid.NewGuid());
        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = ids.CorrelationId, AttemptId = ids.AttemptId, InstancesKey = Instances, ModelType = modelType });
        var preprocessed = await PublishedAsync<SeriesPreprocessed>();
        if (!withIndex)
        {
            // The Preprocessor parses the headers itself when there is no index and writes none; make sure none is there.
            Assert.That(_workers.Store.Exists("series/h/a/instance-index.json"), Is.False);
        }

        await _workers.Harness.Bus.Publish(new RunSeriesInference
        {
            CorrelationId = ids.CorrelationId, AttemptId = ids.AttemptId, TensorsKey = preprocessed.TensorsKey, TensorBatchKeys = preprocessed.TensorBatchKeys, ModelType = modelType,
        });
        return await PublishedAsync<SeriesInferenceCompleted>();
    }

    private async Task<T> PublishedAsync<T>()
        where T : class
    {
        for (var i = 0; i < 600 && !_workers.Harness.Published.Select<T>().Any(); i++)
        {
            await Task.Delay(100);
        }

        var published = _workers.Harness.Published.Select<T>().Select(m => m.Context.Message).ToList();
        Assert.That(published, Has.Count.EqualTo(1), $"expected one {typeof(T).Name}");
        return published[0];
    }
}
