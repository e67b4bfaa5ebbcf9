using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>A series moving from stage to stage, and how it ends, as named behaviours.</summary>
internal static class SeriesStageBehaviors
{
    /// <summary>The unpacking ended: when, and what the archive held.</summary>
    public static EventActivityBinder<SeriesState, SeriesUnpacked> RecordFound(this EventActivityBinder<SeriesState, SeriesUnpacked> binder,
        SeriesSagaSettings settings) =>
        binder.Then(context =>
        {
            var (saga, message) = (context.Saga, context.Message);
            saga.UnpackedAt = settings.Now;
            // The answer overtook the "started" note: the Unpacker's own start time stands in (its clock, truncated like ours).
            saga.UnpackingStartedAt ??= message.StartedAt is { } started
                ? new DateTimeOffset(started.UtcTicks - (started.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero)
                : saga.UnpackedAt;
            saga.Modality = message.Modality;
            saga.InstanceCount = message.InstanceCount;
            saga.ImageInstanceCount = message.ImageInstanceCount;
            saga.TotalBytes = message.TotalBytes;
        });

    public static EventActivityBinder<SeriesState, SeriesUnpacked> StartPreprocessing(this EventActivityBinder<SeriesState, SeriesUnpacked> binder,
        SeriesSagaSettings settings) =>
        binder.Then(context => context.Saga.InstancesKey = context.Message.InstancesKey)
            .NextStage(SeriesStage.Preprocess, settings.Timeouts.Preprocess, settings)
            .Publish(context => new PreprocessSeries
            {
                CorrelationId = context.Saga.CorrelationId, AttemptId = context.Saga.AttemptId, InstancesKey = context.Message.InstancesKey,
                InstanceIndexKey = context.Message.InstanceIndexKey, ModelType = context.Saga.ModelType, ArchiveKey = context.Saga.ArchiveKey,
            });

    public static EventActivityBinder<SeriesState, SeriesPreprocessed> StartInference(this EventActivityBinder<SeriesState, SeriesPreprocessed> binder,
        SeriesSagaSettings settings) =>
        binder.Then(context =>
            {
                var (saga, message) = (context.Saga, context.Message);
                saga.PreprocessedAt = settings.Now;
                saga.TensorsKey = message.TensorsKey;
                saga.TensorBatchKeys = [.. message.TensorBatchKeys];
            })
            .NextStage(SeriesStage.Inference, settings.Timeouts.Inference, settings)
            .Publish(context => new RunSeriesInference
            {
                CorrelationId = context.Saga.CorrelationId, AttemptId = context.Saga.AttemptId, TensorsKey = context.Message.TensorsKey,
                TensorBatchKeys = context.Message.TensorBatchKeys, ModelType = context.Saga.ModelType,
            });

    public static EventActivityBinder<SeriesState, SeriesInferenceCompleted> RecordPrediction(this EventActivityBinder<SeriesState, SeriesInferenceCompleted> binder,
        SeriesSagaSettings settings) =>
        binder.Then(context =>
        {
            context.Saga.InferredAt = settings.Now;
            context.Saga.Prediction = context.Message.Prediction;
            context.Saga.Embedding = context.Message.Embedding?.ToArray();
            context.Saga.Heatmaps = [.. context.Message.Heatmaps];
        });

    /// <summary>
    /// Records the terminal outcome of <paramref name="state"/> (Completed, NotSupported or Failed),
    /// sends a callback to every backend series id that asked, and moves the series there.
    /// </summary>
    public static EventActivityBinder<SeriesState, T> EndIn<T>(this EventActivityBinder<SeriesState, T> binder, State state,
        SeriesSagaSettings settings, Func<BehaviorContext<SeriesState, T>, string?> reason)
        where T : class
    {
        var status = SeriesOutcome.StatusOf(state);
        return binder
            .Then(context => SeriesOutcome.Finish(context.Saga, status, reason(context), settings.Now))
            .ThenAsync(async context =>
            {
                foreach (var seriesId in context.Saga.SeriesIds)
                {
                    await context.Publish(SeriesOutcome.Callback(context.Saga, seriesId));
                }

                // The outcome is on the series; its copies in the store are no longer needed.
                if (settings.DeleteSeriesData)
                {
                    await context.Publish(SeriesOutcome.DeleteData(context.Saga, except: null, keepHeatmaps: true));
                    context.Saga.ArchiveDeleted = true;
                }
            })
            .AnnounceFinished()
            .TransitionTo(state);
    }

    private static EventActivityBinder<SeriesState, T> NextStage<T>(this EventActivityBinder<SeriesState, T> binder, SeriesStage stage, TimeSpan timeout,
        SeriesSagaSettings settings)
        where T : class =>
        binder.Then(context =>
        {
            context.Saga.Stage = stage;
            context.Saga.DueAt = settings.Now + timeout;
        });
}
