using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>The saga's steps as named behaviours, so the state machine reads as a table.</summary>
internal static class SeriesBehaviors
{
    /// <summary>A new attempt: fresh attempt id, outcome cleared, the archive sent to the Unpacker.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> StartAttempt(this EventActivityBinder<SeriesState, PredictSeries> binder,
        TimeProvider time, TimeSpan unpackTimeout, bool deleteData) =>
        binder.ThenAsync(async context =>
        {
            // The previous attempt's copies are no longer needed (its late answers are ignored anyway).
            if (deleteData && context.Saga.AttemptId != Guid.Empty)
            {
                await context.Publish(SeriesOutcome.DeleteData(context.Saga, except: context.Message.ArchiveKey));
            }
        })
        .Then(context =>
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
            saga.FinishedAt = saga.UnpackingStartedAt = saga.UnpackedAt = saga.PreprocessedAt = saga.InferredAt = null;
            saga.ReceivedAt = time.GetUtcNow();
            saga.SeriesIds = [message.SeriesId];
            saga.PendingCallbacks = [];
            saga.Modality = null;
            saga.InstanceCount = saga.ImageInstanceCount = null;
            saga.TotalBytes = null;
            saga.CallbackRedeliveries = 0;
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

    /// <summary>
    /// A request that joins the running attempt: it gets its own callback when the attempt ends (a
    /// repeated identical request too, so every request a backend sent is answered). Bounded, so a
    /// backend retrying in a loop cannot grow the row without limit.
    /// </summary>
    public static EventActivityBinder<SeriesState, PredictSeries> Join(this EventActivityBinder<SeriesState, PredictSeries> binder, bool deleteData) =>
        binder.Then(context =>
        {
            if (context.Saga.SeriesIds.Count < MaxWaitingRequests)
            {
                context.Saga.SeriesIds.Add(context.Message.SeriesId);
            }
        })
        .DeleteUnusedUpload(deleteData);

    /// <summary>A request that is answered without its own upload being used: that upload can go.</summary>
    private static EventActivityBinder<SeriesState, PredictSeries> DeleteUnusedUpload(this EventActivityBinder<SeriesState, PredictSeries> binder, bool deleteData) =>
        binder.ThenAsync(async context =>
        {
            var archive = context.Message.ArchiveKey;
            if (deleteData && archive.Length > 0 && archive != context.Saga.ArchiveKey)
            {
                await context.Publish(new DeleteSeriesData { CorrelationId = context.Saga.CorrelationId, AttemptId = context.Saga.AttemptId, Keys = [archive] });
            }
        });

    private const int MaxWaitingRequests = 100;

    /// <summary>The unpacking ended: when, and what the archive held.</summary>
    public static EventActivityBinder<SeriesState, SeriesUnpacked> RecordFound(this EventActivityBinder<SeriesState, SeriesUnpacked> binder, TimeProvider time) =>
        binder.Then(context =>
        {
            var (saga, message) = (context.Saga, context.Message);
            saga.UnpackedAt = time.GetUtcNow();
            saga.Modality = message.Modality;
            saga.InstanceCount = message.InstanceCount;
            saga.ImageInstanceCount = message.ImageInstanceCount;
            saga.TotalBytes = message.TotalBytes;
        });

    public static EventActivityBinder<SeriesState, T> NextStage<T>(this EventActivityBinder<SeriesState, T> binder, string stage, TimeProvider time, TimeSpan timeout)
        where T : class =>
        binder.Then(context =>
        {
            context.Saga.Stage = stage;
            context.Saga.DueAt = time.GetUtcNow() + timeout;
        });

    /// <summary>Records the terminal outcome and sends a callback to every backend series id that asked.</summary>
    public static EventActivityBinder<SeriesState, T> Finish<T>(this EventActivityBinder<SeriesState, T> binder, string status, bool deleteData,
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

                // The outcome is on the series; its copies in the store are no longer needed.
                if (deleteData)
                {
                    await context.Publish(SeriesOutcome.DeleteData(context.Saga, except: null));
                }
            });

    /// <summary>Sends the stored outcome again, to the backend series id of this request only.</summary>
    public static EventActivityBinder<SeriesState, PredictSeries> ResendOutcome(this EventActivityBinder<SeriesState, PredictSeries> binder, bool deleteData) =>
        binder.ThenAsync(context => context.Publish(SeriesOutcome.Callback(context.Saga, context.Message.SeriesId)))
            .DeleteUnusedUpload(deleteData);

    public static EventActivityBinder<SeriesState, SeriesStatusCallbackDelivered> RecordDelivered(
        this EventActivityBinder<SeriesState, SeriesStatusCallbackDelivered> binder) =>
        binder.Then(context =>
        {
            var (saga, message) = (context.Saga, context.Message);
            saga.CallbackOutcomes[message.SeriesId] = $"delivered (HTTP {message.StatusCode}, {message.Attempts} attempt(s))";
            saga.PendingCallbacks.Remove(message.SeriesId);
        });

    /// <summary>The backend was unreachable: try this series id again after a growing, durable delay.</summary>
    public static EventActivityBinder<SeriesState, SeriesStatusCallbackFailed> ScheduleCallbackRedelivery(
        this EventActivityBinder<SeriesState, SeriesStatusCallbackFailed> binder, Options.CallbackRetry retry, TimeProvider time) =>
        binder.Then(context =>
        {
            var (saga, message) = (context.Saga, context.Message);
            if (!saga.PendingCallbacks.Contains(message.SeriesId))
            {
                saga.PendingCallbacks.Add(message.SeriesId);
            }

            var delay = retry.DelayBefore(saga.CallbackRedeliveries + 1);
            saga.CallbackOutcomes[message.SeriesId] =
                $"failed after {message.Attempts} attempt(s): {message.Reason}; redelivery {saga.CallbackRedeliveries + 1} of {retry.MaxRedeliveries} in {delay.TotalSeconds:0.#} s";
            if (saga.Stage != SeriesStateMachine.CallbackStage)
            {
                saga.Stage = SeriesStateMachine.CallbackStage;
                saga.DueAt = time.GetUtcNow() + delay;
            }
        });

    /// <summary>The redelivery is due: every waiting series id gets the stored outcome again.</summary>
    public static EventActivityBinder<SeriesState, SeriesStageTimedOut> RedeliverCallbacks(this EventActivityBinder<SeriesState, SeriesStageTimedOut> binder) =>
        binder.ThenAsync(async context =>
        {
            var saga = context.Saga;
            saga.CallbackRedeliveries++;
            saga.Stage = null;
            saga.DueAt = null;
            var pending = saga.PendingCallbacks.ToList();
            saga.PendingCallbacks.Clear();
            foreach (var seriesId in pending)
            {
                await context.Publish(SeriesOutcome.Callback(saga, seriesId));
            }
        });
}
