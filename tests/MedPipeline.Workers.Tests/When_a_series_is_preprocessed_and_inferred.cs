using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.ModelRunner;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Inference.Consumers;
using MedPipeline.Inference.Series;
using MedPipeline.Preprocessor.Consumers;
using MedPipeline.Preprocessor.Series;
using MedPipeline.Storage;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Workers.Tests;

/// <summary>The Preprocessor and Inference consumers on the real shipped models, the store on disk, the bus in memory.</summary>
public sealed class When_a_series_is_preprocessed_and_inferred
{
    private static ModelRegistry _registry = null!;
    private WorkerHarness _workers = null!;

    [OneTimeSetUp]
    public void LoadModels() => _registry = ModelRegistry.Load(RepositoryPaths.Models);

    [OneTimeTearDown]
    public void UnloadModels() => _registry.Dispose();

    [SetUp]
    public async Task Start() => _workers = await WorkerHarness.StartAsync("medpipe-workers-",
        s => s.AddSingleton(_registry).AddSeriesPreprocessing().AddSeriesInference(),
        x =>
        {
            x.AddConsumer<PreprocessSeriesConsumer>();
            x.AddConsumer<RunSeriesInferenceConsumer>();
        });

    [TearDown]
    public async Task Stop() => await _workers.DisposeAsync();

    [Test]
    public async Task A_CT_series_with_one_lesion_slice_is_a_lesion_with_per_instance_answers()
    {
        var slices = ShippedSample.All().Where(s => s.ModelType == "ct-lesion-classifier").Where(s => s.Label == "normal").Take(3)
            .Append(ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier" && s.Label == "lesion")).ToList();

        var prediction = await RunAsync("ct-lesion-classifier", slices);

        Assert.That(prediction.PredictedClass, Is.EqualTo("lesion"));
        Assert.That(prediction.Instances.Select(i => i.PredictedClass), Is.EqualTo(new[] { "normal", "normal", "normal", "lesion" }));
        Assert.That(prediction.InstanceCount, Is.EqualTo(4));
        Assert.That(prediction.Model.Sha256, Is.EqualTo("377d785f143370593b1956b0ae092e9f563e1de79ae35119243ae468aab5f832"));
    }

    [Test]
    public async Task The_series_carries_one_unit_length_embedding_for_similar_case_search()
    {
        var slices = ShippedSample.All().Where(s => s.ModelType == "xray-anomaly").Take(4).ToList();

        await RunAsync("xray-anomaly", slices);

        var embedding = (await PublishedAsync<SeriesInferenceCompleted>()).Embedding;
        Assert.That(embedding, Has.Count.EqualTo(128), "the autoencoder's bottleneck, 8 channels averaged to 4x4");
        Assert.That(Math.Sqrt(embedding!.Sum(v => (double)v * v)), Is.EqualTo(1).Within(1e-5));
        Assert.That(embedding.All(float.IsFinite), Is.True);
    }

    [Test]
    public async Task A_series_of_normal_radiographs_is_not_anomalous()
    {
        var images = ShippedSample.All().Where(s => s.ModelType == "xray-anomaly" && s.Label == "normal").Take(5).ToList();

        var prediction = await RunAsync("xray-anomaly", images);

        Assert.That(prediction.IsAnomaly, Is.False);
        Assert.That(prediction.ReconstructionMse, Is.EqualTo(prediction.Instances.Max(i => i.ReconstructionMse)));
        Assert.That(prediction.Threshold, Is.EqualTo(0.00333218));
    }

    [Test]
    public async Task The_series_path_answers_each_slice_as_the_single_image_path_does()
    {
        var slices = ShippedSample.All().Where(s => s.ModelType == "ct-lesion-classifier").Take(5).ToList();
        var predictor = new ImagePredictor(_registry, new PredictionOptions());

        var series = await RunAsync("ct-lesion-classifier", slices);

        for (var i = 0; i < slices.Count; i++)
        {
            var single = (await predictor.PredictAsync(ShippedInstance.Of(slices[i], i + 1), slices[i].Name, "ct-lesion-classifier", ModelTask.Classification)).Frames.Single();
            Assert.That(series.Instances[i].PredictedClass, Is.EqualTo(single.Classification!.PredictedClass));
            Assert.That(series.Instances[i].Probability, Is.EqualTo(single.Classification.Probability).Within(1e-6));
        }
    }

    [Test]
    public async Task A_file_that_cannot_be_decoded_fails_with_its_name()
    {
        var bytes = ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier").ToDicom();
        await _workers.Store.WriteAsync("series/x/a/instances/00001.dcm", new MemoryStream(bytes[..(bytes.Length - 100)]), null, CancellationToken.None);

        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), InstancesKey = "series/x/a/instances", ModelType = "ct-lesion-classifier" });

        var failed = await PublishedAsync<SeriesPreprocessingFailed>();
        Assert.That(failed.Reason, Does.StartWith("00001.dcm").And.Contain("Truncated"));
    }

    [Test]
    public async Task Rows_keep_the_series_order_while_images_are_prepared_ahead_on_every_core()
    {
        var normal = ShippedSample.All().Where(s => s.ModelType == "ct-lesion-classifier" && s.Label == "normal").ToList();
        var lesion = ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier" && s.Label == "lesion");
        var lesions = new[] { 4, 36 };
        var slices = Enumerable.Range(0, 40).Select(i => lesions.Contains(i) ? lesion : normal[i % normal.Count]).ToList();

        var prediction = await RunAsync("ct-lesion-classifier", slices);

        Assert.That(prediction.Instances.Select(i => i.InstanceNumber), Is.EqualTo(Enumerable.Range(1, 40).Cast<int?>()));
        Assert.That(Enumerable.Range(0, 40).Where(i => prediction.Instances[i].PredictedClass == "lesion"), Is.EqualTo(lesions));
    }

    [Test]
    public async Task The_first_undecodable_file_in_series_order_is_named_even_when_a_later_one_fails_first()
    {
        var good = ShippedSample.All().First(s => s.ModelType == "ct-lesion-classifier");
        for (var i = 1; i <= 8; i++)
        {
            var bytes = ShippedInstance.Of(good, i);
            await _workers.Store.WriteAsync($"series/y/a/instances/{i:D5}.dcm", new MemoryStream(i is 3 or 4 ? bytes[..(bytes.Length - 100)] : bytes), null, CancellationToken.None);
        }

        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), InstancesKey = "series/y/a/instances", ModelType = "ct-lesion-classifier" });

        var failed = await PublishedAsync<SeriesPreprocessingFailed>();
        Assert.That(failed.Reason, Does.StartWith("00003.dcm").And.Contain("Truncated"));
    }

    private async Task<SeriesPrediction> RunAsync(string modelType, List<ShippedSample> samples)
    {
        for (var i = 0; i < samples.Count; i++)
        {
            await _workers.Store.WriteAsync($"series/s/a/instances/{i + 1:D5}.dcm", new MemoryStream(ShippedInstance.Of(samples[i], i + 1)), null, CancellationToken.None);
        }

        var ids = (CorrelationId: Guid.NewGuid(), AttemptId: Guid.NewGuid());
        await _workers.Harness.Bus.Publish(new PreprocessSeries { CorrelationId = ids.CorrelationId, AttemptId = ids.AttemptId, InstancesKey = "series/s/a/instances", ModelType = modelType });
        var preprocessed = await PublishedAsync<SeriesPreprocessed>();
        Assert.That(preprocessed.FrameCount, Is.EqualTo(samples.Count));

        await _workers.Harness.Bus.Publish(new RunSeriesInference
        {
            CorrelationId = ids.CorrelationId, AttemptId = ids.AttemptId, TensorsKey = preprocessed.TensorsKey, TensorBatchKeys = preprocessed.TensorBatchKeys, ModelType = modelType,
        });
        return (await PublishedAsync<SeriesInferenceCompleted>()).Prediction;
    }

    /// <summary>The one message of type T the workers published, waiting for it up to 30 s.</summary>
    private async Task<T> PublishedAsync<T>()
        where T : class
    {
        for (var i = 0; i < 300 && !_workers.Harness.Published.Select<T>().Any(); i++)
        {
            await Task.Delay(100);
        }

        var published = _workers.Harness.Published.Select<T>().Select(m => m.Context.Message).ToList();
        Assert.That(published, Has.Count.EqualTo(1), $"expected one {typeof(T).Name}");
        return published[0];
    }
}
