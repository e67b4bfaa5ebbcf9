using System.Diagnostics;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Inference.Series;
using MedPipeline.Models;

namespace MedPipeline.Inference.Consumers;

/// <summary>
/// Runs the model (loaded once per process) over the stored tensor batches and publishes the series
/// result with the model that produced it; the running and the mapping live in the classes it calls.
/// </summary>
public sealed class RunSeriesInferenceConsumer(ModelRegistry registry, StoredTensorInference inference) : IConsumer<RunSeriesInference>
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
        var (index, answers) = await inference.RunAsync(model, m.TensorsKey, context.CancellationToken);
        await context.Publish(new SeriesInferenceCompleted
        {
            CorrelationId = m.CorrelationId,
            AttemptId = m.AttemptId,
            Prediction = SeriesPredictionMapping.ToPrediction(model.Manifest, index, answers, clock.Elapsed),
        });
    }
}
