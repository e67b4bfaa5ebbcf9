using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>What a request does to a series, as named behaviours, so the state machine reads as a table.</summary>
internal static class SeriesBehaviors
{
    private const int MaxWaitingRequests = 100;

    /// <summary>A new attempt for a request: its fields and upload, fresh attempt id, outcome cleared, the archive sent to the Unpacker.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> StartAttempt(this EventActivityBinder<SeriesState, PredictSeries> binder,
        SeriesSagaSettings settings) =>
        binder.DeletePreviousAttempt(settings, context => context.Message.ArchiveKey)
            .Then(context =>
            {
                var (saga, message) = (context.Saga, context.Message);
                saga.Organization = message.Organization;
                saga.StudyInstanceUid = message.StudyInstanceUid;
                saga.SeriesInstanceUid = message.SeriesInstanceUid;
                saga.ModelType = message.ModelType;
                saga.ArchiveKey = message.ArchiveKey;
                saga.SeriesIds = [message.SeriesId];
            })
            .RunAttempt(settings);

    /// <summary>The previous attempt's copies are no longer needed (its late answers are ignored anyway); the upload the next one uses stays.</summary>
    public static EventActivityBinder<SeriesState, T> DeletePreviousAttempt<T>(this EventActivityBinder<SeriesState, T> binder,
        SeriesSagaSettings settings, Func<BehaviorContext<SeriesState, T>, string> keptUpload)
        where T : class =>
        binder.ThenAsync(async context =>
        {
            if (settings.DeleteSeriesData && context.Saga.AttemptId != Guid.Empty)
            {
                await context.Publish(SeriesOutcome.DeleteData(context.Saga, except: keptUpload(context)));
            }
        });

    /// <summary>A fresh attempt of the series' upload (<see cref="SeriesState.ArchiveKey"/>): new attempt id, outcome cleared, sent to the Unpacker.</summary>
    public static EventActivityBinder<SeriesState, T> RunAttempt<T>(this EventActivityBinder<SeriesState, T> binder, SeriesSagaSettings settings)
        where T : class =>
        binder.Then(context =>
        {
            var saga = context.Saga;
            saga.AttemptId = NewId.NextGuid();
            saga.Attempts++;
            saga.ArchiveDeleted = false;
            saga.Status = null;
            saga.Reason = null;
            saga.Prediction = null;
            saga.Embedding = null;
            saga.Heatmaps = [];
            saga.FinishedAt = saga.UnpackingStartedAt = saga.UnpackedAt = saga.PreprocessedAt = saga.InferredAt = null;
            saga.ReceivedAt = settings.Now;
            saga.PendingCallbacks = [];
            saga.Modality = null;
            saga.InstanceCount = saga.ImageInstanceCount = null;
            saga.TotalBytes = null;
            saga.CallbackRedeliveries = 0;
            saga.Stage = SeriesStage.Unpack;
            saga.DueAt = settings.Now + settings.Timeouts.Unpack;
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

    /// <summary>
    /// A request that joins the running attempt: it gets its own callback when the attempt ends (a
    /// repeated identical request too, so every request a backend sent is answered). Bounded, so a
    /// backend retrying in a loop cannot grow the row without limit.
    /// </summary>
    public static EventActivityBinder<SeriesState, PredictSeries> Join(this EventActivityBinder<SeriesState, PredictSeries> binder, SeriesSagaSettings settings) =>
        binder.Then(context =>
        {
            if (context.Saga.SeriesIds.Count < MaxWaitingRequests)
            {
                context.Saga.SeriesIds.Add(context.Message.SeriesId);
            }
        })
        .DeleteUnusedUpload(settings);

    /// <summary>Sends the stored outcome again, to the backend series id of this request only.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> ResendOutcome(this EventActivityBinder<SeriesState, PredictSeries> binder,
        SeriesSagaSettings settings) =>
        binder.ThenAsync(context => context.Publish(SeriesOutcome.Callback(context.Saga, context.Message.SeriesId)))
            .DeleteUnusedUpload(settings);

    /// <summary>A request that is answered without its own upload being used: that upload can go.</summary>
    private static EventActivityBinder<SeriesState, PredictSeries> DeleteUnusedUpload(this EventActivityBinder<SeriesState, PredictSeries> binder,
        SeriesSagaSettings settings) =>
        binder.ThenAsync(async context =>
        {
            var archive = context.Message.ArchiveKey;
            if (settings.DeleteSeriesData && archive.Length > 0 && archive != context.Saga.ArchiveKey)
            {
                await context.Publish(new DeleteSeriesData { CorrelationId = context.Saga.CorrelationId, AttemptId = context.Saga.AttemptId, Keys = [archive] });
            }
        });
}
