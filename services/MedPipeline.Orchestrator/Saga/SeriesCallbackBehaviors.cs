using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>How the callbacks of a finished attempt are tracked and redelivered, as named behaviours.</summary>
internal static class SeriesCallbackBehaviors
{
    public static EventActivityBinder<SeriesState, SeriesStatusCallbackDelivered> RecordDelivered(
        this EventActivityBinder<SeriesState, SeriesStatusCallbackDelivered> binder) =>
        binder.Then(context =>
        {
            var (saga, message) = (context.Saga, context.Message);
            saga.CallbackOutcomes[message.SeriesId] = $"delivered (HTTP {message.StatusCode}, {message.Attempts} attempt(s))";
            saga.PendingCallbacks.Remove(message.SeriesId);
        });

    public static EventActivityBinder<SeriesState, SeriesStatusCallbackFailed> RecordGivenUp(
        this EventActivityBinder<SeriesState, SeriesStatusCallbackFailed> binder) =>
        binder.Then(context => context.Saga.CallbackOutcomes[context.Message.SeriesId] =
            $"failed after {context.Message.Attempts} attempt(s): {context.Message.Reason}");

    /// <summary>Whether a failed delivery is tried again: the backend was unreachable, there is an outcome, and redeliveries are left.</summary>
    public static bool IsRedeliverable(BehaviorContext<SeriesState, SeriesStatusCallbackFailed> context, SeriesSagaSettings settings) =>
        context.Message.Retryable && context.Saga.Status is not null && context.Saga.CallbackRedeliveries < settings.CallbackRetry.MaxRedeliveries;

    /// <summary>The backend was unreachable: try this series id again after a growing, durable delay.</summary>
    public static EventActivityBinder<SeriesState, SeriesStatusCallbackFailed> ScheduleCallbackRedelivery(
        this EventActivityBinder<SeriesState, SeriesStatusCallbackFailed> binder, SeriesSagaSettings settings) =>
        binder.Then(context =>
        {
            var (saga, message, retry) = (context.Saga, context.Message, settings.CallbackRetry);
            if (!saga.PendingCallbacks.Contains(message.SeriesId))
            {
                saga.PendingCallbacks.Add(message.SeriesId);
            }

            var delay = retry.DelayBefore(saga.CallbackRedeliveries + 1);
            saga.CallbackOutcomes[message.SeriesId] =
                $"failed after {message.Attempts} attempt(s): {message.Reason}; redelivery {saga.CallbackRedeliveries + 1} of {retry.MaxRedeliveries} in {delay.TotalSeconds:0.#} s";
            if (saga.Stage != SeriesStage.Callback)
            {
                saga.Stage = SeriesStage.Callback;
                saga.DueAt = settings.Now + delay;
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
