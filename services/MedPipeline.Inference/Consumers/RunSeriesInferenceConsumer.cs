using System.Diagnostics;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Models;
using MedPipeline.Models.Manifest;
using MedPipeline.Onnx;
using MedPipeline.Storage;

namespace MedPipeline.Inference.Consumers;

/// <summary>
/// Runs the model (loaded once per process) over the stored tensor batches, answers per instance and
/// frame, aggregates the series result by the manifest's rule, and records which model produced it.
/// </summary>
public sealed class RunSeriesInferenceConsumer(ISeriesStore store, ModelRegistry registry) : IConsumer<RunSeriesInference>
{
    public async Task Consume(ConsumeContext<RunSeriesInference> context)
    {
        var m = context.Message;
        if (!registry.TryGet(m.ModelType, out var model))
        {
            await context.Publish(new SeriesInferenceFailed { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Reason = $"unknown model type '{m.ModelType}'" });
            return;
        }

        var clock = Stopwatch.StartNew();
        var index = await TensorBatches.ReadIndexAsync(store, m.TensorsKey, context.CancellationToken);
        var manifest = model.Manifest;
        var rowLength = index.RowShape.Aggregate(1, (a, d) => a * d);
        var outputs = new List<(TensorRow Row, float[] Probabilities, double Mse)>();
        for (var b = 0; b < index.BatchKeys.Count; b++)
        {
            var values = await TensorBatches.ReadBatchAsync(store, index.BatchKeys[b], context.CancellationToken);
            var rows = index.Rows.Where(r => r.Batch == b).ToList();
            long[] shape = [rows.Count, .. index.RowShape.Select(d => (long)d)];
            var results = model.Session.Run([new NamedTensor(manifest.Input!.Name, values.AsMemory(0, rows.Count * rowLength), shape)],
                [.. manifest.Outputs.Where(o => o.Key != "reconstruction").Select(o => o.Value)]);
            outputs.AddRange(rows.Select((row, i) => (row, Probabilities(manifest, results, i), Mse(manifest, results, i))));
        }

        var prediction = manifest.Task == ModelTask.Classification ? Classification(manifest, outputs) : Anomaly(manifest, outputs);
        await context.Publish(new SeriesInferenceCompleted
        {
            CorrelationId = m.CorrelationId,
            AttemptId = m.AttemptId,
            Prediction = prediction with { Preprocessing = PreprocessingOf(index), TimingsMs = Timings(index, clock.Elapsed) },
        });
    }

    private static SeriesPreprocessingInfo? PreprocessingOf(TensorIndex index) =>
        string.IsNullOrEmpty(index.PreprocessingSummary) || System.Text.Json.JsonSerializer.Deserialize<SeriesPreprocessingInfo>(index.PreprocessingSummary) is not { } info
            ? null
            : info with { FrameCount = index.Rows.Count };

    private static Dictionary<string, double> Timings(TensorIndex index, TimeSpan inference)
    {
        var timings = new Dictionary<string, double> { ["inference"] = Math.Round(inference.TotalMilliseconds, 3) };
        if (index.PreprocessMilliseconds is { } preprocess)
        {
            timings["preprocess"] = preprocess;
        }

        return timings;
    }

    private static float[] Probabilities(ModelManifest manifest, IReadOnlyList<TensorResult> results, int row)
    {
        if (manifest.Task != ModelTask.Classification)
        {
            return [];
        }

        var k = manifest.Labels!.Count;
        return results.Single(r => r.Name == manifest.Outputs["probabilities"]).Data.AsSpan(row * k, k).ToArray();
    }

    private static double Mse(ModelManifest manifest, IReadOnlyList<TensorResult> results, int row) =>
        manifest.Task == ModelTask.Anomaly ? results.Single(r => r.Name == manifest.Outputs["reconstructionMse"]).Data[row] : 0;

    private static SeriesPrediction Classification(ModelManifest manifest, List<(TensorRow Row, float[] Probabilities, double Mse)> outputs)
    {
        var series = SeriesAggregation.AggregateClassification(manifest.Aggregation!, manifest.Labels!, [.. outputs.Select(o => o.Probabilities)]);
        return Base(manifest, outputs) with
        {
            PredictedClass = series.PredictedClass,
            Probability = series.Probability,
            ClassProbabilities = series.ClassProbabilities,
            Instances = [.. outputs.Select(o =>
            {
                var one = SeriesAggregation.Classify(manifest.Labels!, o.Probabilities);
                return Instance(o.Row) with { PredictedClass = one.PredictedClass, Probability = one.Probability };
            })],
        };
    }

    private static SeriesPrediction Anomaly(ModelManifest manifest, List<(TensorRow Row, float[] Probabilities, double Mse)> outputs)
    {
        var threshold = manifest.Threshold!.Value;
        var series = SeriesAggregation.AggregateAnomaly(manifest.Aggregation!.Rule, [.. outputs.Select(o => o.Mse)], threshold);
        return Base(manifest, outputs) with
        {
            ReconstructionMse = series.ReconstructionMse,
            IsAnomaly = series.IsAnomaly,
            Threshold = threshold,
            Instances = [.. outputs.Select(o => Instance(o.Row) with { ReconstructionMse = o.Mse, IsAnomaly = o.Mse > threshold })],
        };
    }

    private static SeriesPrediction Base(ModelManifest manifest, List<(TensorRow Row, float[] Probabilities, double Mse)> outputs) => new()
    {
        Model = new ModelInfo { ModelType = manifest.ModelType, Name = manifest.Name, Version = manifest.Version, Sha256 = manifest.Sha256 },
        Task = manifest.Task == ModelTask.Classification ? "classification" : "anomaly",
        InstanceCount = outputs.Select(o => o.Row.SopInstanceUid).Distinct().Count(),
    };

    private static InstancePrediction Instance(TensorRow row) => new() { SopInstanceUid = row.SopInstanceUid, InstanceNumber = row.InstanceNumber, Frame = row.Frame };
}
