using System.Diagnostics;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Inference.Heatmaps;
using MedPipeline.Inference.Series;
using MedPipeline.Inference.Telemetry;
using MedPipeline.ModelRunner;
using MedPipeline.Models;

namespace MedPipeline.Inference.Consumers;

/// <summary>
/// Runs the model (loaded once per process) over the stored tensor batches and publishes the series
/// result with the model that produced it; the running and the mapping live in the classes it calls.
/// </summary>
public sealed class RunSeriesInferenceConsumer(ModelRegistry registry, StoredTensorInference inference, SeriesHeatmaps heatmaps) : IConsumer<RunSeriesInference>
{
    public async Task Consume(ConsumeContext<RunSeriesInference> context)
    {
        var m = context.Message;
        using var span = MedPipelineTelemetry.StartStage("inference", m.CorrelationId, m.AttemptId);
        try
        {
            await InferAsync(context, m, span);
        }
        catch (Exception e) when (span.Threw(e))
        {
            throw;
        }
    }

    private async Task InferAsync(ConsumeContext<RunSeriesInference> context, RunSeriesInference m, StageSpan span)
    {
        if (!registry.TryGet(m.ModelType, out var model))
        {
            span.Fail("unknown model type");
            await context.Publish(new SeriesInferenceFailed { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Reason = $"unknown model type '{m.ModelType}'" });
            return;
        }

        var clock = Stopwatch.StartNew();
        var (index, answers) = await inference.RunAsync(model, m.TensorsKey, context.CancellationToken);
        ModelRunTime.Record(m.ModelType, clock.Elapsed);
        MedPipelineTelemetry.CountInstances("inference", answers.Count);
        await context.Publish(new SeriesInferenceCompleted
        {
            CorrelationId = m.CorrelationId,
            AttemptId = m.AttemptId,
            Prediction = SeriesPredictionMapping.ToPrediction(model.Manifest, index, answers, clock.Elapsed),
            Embedding = SeriesEmbedding.Pool(answers),
            Heatmaps = await heatmaps.MakeAsync(model, m, index, answers, context.CancellationToken),
        });
    }
}
