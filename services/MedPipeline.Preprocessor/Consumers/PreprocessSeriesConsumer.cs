using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Models;
using MedPipeline.Preprocessor.Series;

namespace MedPipeline.Preprocessor.Consumers;

/// <summary>
/// Turns the unpacked series into stored tensor batches for the model (claim check: only their keys
/// travel) and answers where they are or why the series cannot be preprocessed. The decoding, batching
/// and writing live in <see cref="SeriesTensorBuilder"/>.
/// </summary>
public sealed class PreprocessSeriesConsumer(ModelManifests manifests, SeriesTensorBuilder builder, TimeProvider time) : IConsumer<PreprocessSeries>
{
    public async Task Consume(ConsumeContext<PreprocessSeries> context)
    {
        var m = context.Message;
        using var span = MedPipelineTelemetry.StartStage("preprocess", m.CorrelationId, m.AttemptId);
        try
        {
            await PreprocessAsync(context, m, span);
        }
        catch (Exception e) when (span.Threw(e))
        {
            throw;
        }
    }

    private async Task PreprocessAsync(ConsumeContext<PreprocessSeries> context, PreprocessSeries m, StageSpan span)
    {
        // Live progress for people watching the series (the gateway's stream); the saga does not consume it.
        var progress = new PreprocessingProgress(m, (p, cancellationToken) => context.Publish(p, cancellationToken), time);
        var outcome = manifests.TryGet(m.ModelType, out var manifest)
            ? await builder.BuildAsync(m, manifest, progress, context.CancellationToken)
            : PreprocessingOutcome.Failed($"unknown model type '{m.ModelType}'");
        if (outcome.Failure is { } reason)
        {
            span.Fail("not preprocessable");
            await context.Publish(new SeriesPreprocessingFailed { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Reason = reason });
            return;
        }

        MedPipelineTelemetry.CountInstances("preprocess", outcome.FrameCount);
        await context.Publish(new SeriesPreprocessed
        {
            CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, TensorsKey = outcome.TensorsKey, TensorBatchKeys = outcome.BatchKeys, FrameCount = outcome.FrameCount,
        });
    }
}
