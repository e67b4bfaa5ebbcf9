using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>The saga's steps as named behaviours, so the state machine reads as a table.</summary>
internal static class SeriesBehaviors
{
    /// <summary>A new attempt: fresh attempt id, outcome cleared, the archive sent to the Unpacker.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> StartAttempt(this EventActivityBinder<SeriesState, PredictSeries> binder,
        TimeProvider time, TimeSpan unpackTimeout) =>
        binder.Then(context =>
        {
            var (saga, message) = (context.Saga, context.Message);
            saga.Organization = message.Organization;
            saga.StudyInstanceUid = message.StudyInstanceUid;
            saga.SeriesInstanceUid = message.SeriesInstanceUid;
            saga.ModelType = message.ModelType;
            saga.ArchiveKey = message.ArchiveKey;
            saga.AttemptId = NewId.NextGuid();
            saga.Attempts++;
            saga.Status = null;
            saga.Reason = null;
            saga.Prediction = null;
            saga.FinishedAt = saga.UnpackedAt = saga.PreprocessedAt = saga.InferredAt = null;
            saga.ReceivedAt = time.GetUtcNow();
            saga.SeriesIds = [message.SeriesId];
            saga.Stage = "unpack";
            saga.DueAt = time.GetUtcNow() + unpackTimeout;
        })
        .Publish(context => new UnpackSeriesArchive
        {
            CorrelationId = context.Saga.CorrelationId,
            AttemptId = context.Saga.AttemptId,
            ArchiveKey = context.Saga.ArchiveKey,
            StudyInstanceUid = context.Saga.StudyInstanceUid,
            SeriesInstanceUid = context.Saga.SeriesInstanceUid,
            ModelType = context.Saga.ModelType,
        });

    /// <summary>A request that joins the running or finished attempt: its backend series id will get a callback too.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> Join(this EventActivityBinder<SeriesState, PredictSeries> binder) =>
        binder.Then(context =>
        {
            if (!context.Saga.SeriesIds.Contains(context.Message.SeriesId))
            {
                context.Saga.SeriesIds.Add(context.Message.SeriesId);
            }
        });

    public static EventActivityBinder<SeriesState, T> NextStage<T>(this EventActivityBinder<SeriesState, T> binder, string stage, TimeProvider time, TimeSpan timeout)
        where T : class =>
        binder.Then(context =>
        {
            context.Saga.Stage = stage;
            context.Saga.DueAt = time.GetUtcNow() + timeout;
        });

    /// <summary>Records the terminal outcome and sends a callback to every backend series id that asked.</summary>
    public static EventActivityBinder<SeriesState, T> Finish<T>(this EventActivityBinder<SeriesState, T> binder, string status,
        Func<BehaviorContext<SeriesState, T>, string?> reason, TimeProvider time)
        where T : class =>
        binder
            .Then(context => SeriesOutcome.Finish(context.Saga, status, reason(context), time.GetUtcNow()))
            .ThenAsync(async context =>
            {
                foreach (var seriesId in context.Saga.SeriesIds)
                {
                    await context.Publish(SeriesOutcome.Callback(context.Saga, seriesId));
                }
            });

    /// <summary>Sends the stored outcome again, to the backend series id of this request only.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> ResendOutcome(this EventActivityBinder<SeriesState, PredictSeries> binder) =>
        binder.Join().ThenAsync(context => context.Publish(SeriesOutcome.Callback(context.Saga, context.Message.SeriesId)));
}
