using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Options;
using Microsoft.Extensions.Options;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// One series from request to callback: Received → Unpacking → Preprocessing → Inferring →
/// Completed | NotSupported | Failed. Messages of a superseded attempt are ignored; a request for a
/// finished series re-sends its outcome unless predictAgain asks for a new attempt.
/// </summary>
public sealed class SeriesStateMachine : MassTransitStateMachine<SeriesState>
{
    public SeriesStateMachine(IModelSupport models, IOptions<StageTimeouts> options, IOptions<CallbackRetry> callbackRetry,
        IOptions<SeriesDataCleanup> cleanup, TimeProvider time)
    {
        var timeouts = options.Value;
        var redelivery = callbackRetry.Value;
        var clean = cleanup.Value.DeleteSeriesData;
        InstanceState(x => x.CurrentState);
        Event(() => Requested, x => x.CorrelateById(c => c.Message.CorrelationId));
        Event(() => UnpackingStarted, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => Unpacked, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => Rejected, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => Preprocessed, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => PreprocessingFailed, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => Inferred, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => InferenceFailed, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => TimedOut, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => UnpackFaulted, x => Existing(x, c => c.Message.Message.CorrelationId));
        Event(() => PreprocessFaulted, x => Existing(x, c => c.Message.Message.CorrelationId));
        Event(() => InferenceFaulted, x => Existing(x, c => c.Message.Message.CorrelationId));
        Event(() => CallbackDelivered, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => CallbackFailed, x => Existing(x, c => c.Message.CorrelationId));
        OnUnhandledEvent(context => context.Ignore());

        Initially(
            When(Requested, c => !models.IsKnown(c.Message.ModelType))
                .StartAttempt(time, timeouts.Unpack, clean)
                .Finish(SeriesStatus.Failed, clean, c => $"unknown model type '{c.Message.ModelType}'", time)
                .TransitionTo(Failed),
            When(Requested, c => models.IsKnown(c.Message.ModelType))
                .StartAttempt(time, timeouts.Unpack, clean)
                .TransitionTo(Received));

        During(Received,
            When(UnpackingStarted, c => Current(c.Saga, c.Message.AttemptId))
                .Then(c => c.Saga.UnpackingStartedAt = time.GetUtcNow())
                .TransitionTo(Unpacking));

        // Received too: an Unpacker's answer may overtake its "started" note.
        During(Received, Unpacking,
            When(Unpacked, c => Current(c.Saga, c.Message.AttemptId) && c.Message.ImageInstanceCount == 0)
                .RecordFound(time)
                .Finish(SeriesStatus.NotSupported, clean, _ => "the series has no image instances", time)
                .TransitionTo(NotSupported),
            When(Unpacked, c => Current(c.Saga, c.Message.AttemptId) && c.Message.ImageInstanceCount > 0
                    && !models.Supports(c.Saga.ModelType, c.Message.Modality, c.Message.SopClassUids))
                .RecordFound(time)
                .Finish(SeriesStatus.NotSupported, clean, c =>
                    $"model '{c.Saga.ModelType}' does not support modality {c.Message.Modality ?? "(none)"} / SOP class {string.Join(", ", c.Message.SopClassUids)}", time)
                .TransitionTo(NotSupported),
            When(Unpacked, c => Current(c.Saga, c.Message.AttemptId) && c.Message.ImageInstanceCount > 0
                    && models.Supports(c.Saga.ModelType, c.Message.Modality, c.Message.SopClassUids))
                .RecordFound(time)
                .Then(c => c.Saga.InstancesKey = c.Message.InstancesKey)
                .NextStage("preprocess", time, timeouts.Preprocess)
                .Publish(c => new PreprocessSeries
                {
                    CorrelationId = c.Saga.CorrelationId, AttemptId = c.Saga.AttemptId, InstancesKey = c.Message.InstancesKey, ModelType = c.Saga.ModelType,
                })
                .TransitionTo(Preprocessing),
            When(Rejected, c => Current(c.Saga, c.Message.AttemptId) && c.Message.Kind == RejectionKind.NoImageInstances)
                .Finish(SeriesStatus.NotSupported, clean, c => c.Message.Reason, time)
                .TransitionTo(NotSupported),
            When(Rejected, c => Current(c.Saga, c.Message.AttemptId) && c.Message.Kind != RejectionKind.NoImageInstances)
                .Finish(SeriesStatus.Failed, clean, c => $"the archive was rejected ({c.Message.Kind}): {c.Message.Reason}", time)
                .TransitionTo(Failed),
            When(UnpackFaulted, c => Current(c.Saga, c.Message.Message.AttemptId))
                .Finish(SeriesStatus.Failed, clean, c => $"unpacking kept failing: {FaultText(c.Message)}", time)
                .TransitionTo(Failed));

        During(Preprocessing,
            When(Preprocessed, c => Current(c.Saga, c.Message.AttemptId))
                .Then(c =>
                {
                    c.Saga.PreprocessedAt = time.GetUtcNow();
                    c.Saga.TensorsKey = c.Message.TensorsKey;
                    c.Saga.TensorBatchKeys = [.. c.Message.TensorBatchKeys];
                })
                .NextStage("inference", time, timeouts.Inference)
                .Publish(c => new RunSeriesInference
                {
                    CorrelationId = c.Saga.CorrelationId, AttemptId = c.Saga.AttemptId, TensorsKey = c.Message.TensorsKey, TensorBatchKeys = c.Message.TensorBatchKeys,
                    ModelType = c.Saga.ModelType,
                })
                .TransitionTo(Inferring),
            When(PreprocessingFailed, c => Current(c.Saga, c.Message.AttemptId))
                .Finish(SeriesStatus.Failed, clean, c => c.Message.Reason, time)
                .TransitionTo(Failed),
            When(PreprocessFaulted, c => Current(c.Saga, c.Message.Message.AttemptId))
                .Finish(SeriesStatus.Failed, clean, c => $"preprocessing kept failing: {FaultText(c.Message)}", time)
                .TransitionTo(Failed));

        During(Inferring,
            When(Inferred, c => Current(c.Saga, c.Message.AttemptId))
                .Then(c =>
                {
                    c.Saga.InferredAt = time.GetUtcNow();
                    c.Saga.Prediction = c.Message.Prediction;
                })
                .Finish(SeriesStatus.Completed, clean, _ => null, time)
                .TransitionTo(Completed),
            When(InferenceFailed, c => Current(c.Saga, c.Message.AttemptId))
                .Finish(SeriesStatus.Failed, clean, c => c.Message.Reason, time)
                .TransitionTo(Failed),
            When(InferenceFaulted, c => Current(c.Saga, c.Message.Message.AttemptId))
                .Finish(SeriesStatus.Failed, clean, c => $"inference kept failing: {FaultText(c.Message)}", time)
                .TransitionTo(Failed));

        During(Received, Unpacking, Preprocessing, Inferring,
            When(Requested, c => !c.Message.PredictAgain).Join(clean),
            When(Requested, c => c.Message.PredictAgain).StartAttempt(time, timeouts.Unpack, clean).TransitionTo(Received),
            When(TimedOut, c => Current(c.Saga, c.Message.AttemptId) && c.Message.Stage == c.Saga.Stage)
                .Finish(SeriesStatus.Failed, clean, c => $"the {c.Message.Stage} stage did not answer in time", time)
                .TransitionTo(Failed));

        During(Completed, NotSupported,
            When(Requested, c => !c.Message.PredictAgain).ResendOutcome(clean),
            When(Requested, c => c.Message.PredictAgain).StartAttempt(time, timeouts.Unpack, clean).TransitionTo(Received));

        During(Failed,
            When(Requested).StartAttempt(time, timeouts.Unpack, clean).TransitionTo(Received));

        During(Completed, NotSupported, Failed,
            When(TimedOut, c => Current(c.Saga, c.Message.AttemptId) && c.Message.Stage == CallbackStage && c.Saga.Stage == CallbackStage)
                .RedeliverCallbacks());

        DuringAny(
            When(CallbackDelivered).RecordDelivered(),
            When(CallbackFailed, c => c.Message.Retryable && c.Saga.Status is not null && c.Saga.CallbackRedeliveries < redelivery.MaxRedeliveries)
                .ScheduleCallbackRedelivery(redelivery, time),
            When(CallbackFailed, c => !(c.Message.Retryable && c.Saga.Status is not null && c.Saga.CallbackRedeliveries < redelivery.MaxRedeliveries))
                .Then(c => c.Saga.CallbackOutcomes[c.Message.SeriesId] = $"failed after {c.Message.Attempts} attempt(s): {c.Message.Reason}"));
    }

    /// <summary>Accepted and queued for an Unpacker (none has taken it yet).</summary>
    public State Received { get; private set; } = null!;

    public State Unpacking { get; private set; } = null!;

    public State Preprocessing { get; private set; } = null!;

    public State Inferring { get; private set; } = null!;

    public State Completed { get; private set; } = null!;

    public State NotSupported { get; private set; } = null!;

    public State Failed { get; private set; } = null!;

    public Event<PredictSeries> Requested { get; private set; } = null!;

    public Event<SeriesUnpackingStarted> UnpackingStarted { get; private set; } = null!;

    public Event<SeriesUnpacked> Unpacked { get; private set; } = null!;

    public Event<SeriesArchiveRejected> Rejected { get; private set; } = null!;

    public Event<SeriesPreprocessed> Preprocessed { get; private set; } = null!;

    public Event<SeriesPreprocessingFailed> PreprocessingFailed { get; private set; } = null!;

    public Event<SeriesInferenceCompleted> Inferred { get; private set; } = null!;

    public Event<SeriesInferenceFailed> InferenceFailed { get; private set; } = null!;

    public Event<SeriesStageTimedOut> TimedOut { get; private set; } = null!;

    public Event<Fault<UnpackSeriesArchive>> UnpackFaulted { get; private set; } = null!;

    public Event<Fault<PreprocessSeries>> PreprocessFaulted { get; private set; } = null!;

    public Event<Fault<RunSeriesInference>> InferenceFaulted { get; private set; } = null!;

    public Event<SeriesStatusCallbackDelivered> CallbackDelivered { get; private set; } = null!;

    public Event<SeriesStatusCallbackFailed> CallbackFailed { get; private set; } = null!;

    /// <summary>The pseudo-stage of a terminal series waiting to redeliver its callback.</summary>
    public const string CallbackStage = "callback";

    private static bool Current(SeriesState saga, Guid attemptId) => saga.AttemptId == attemptId;

    private static string FaultText<T>(Fault<T> fault) => fault.Exceptions.FirstOrDefault()?.Message ?? "no exception recorded";

    private static void Existing<T>(IEventCorrelationConfigurator<SeriesState, T> x, Func<ConsumeContext<T>, Guid> id)
        where T : class
    {
        x.CorrelateById(id);
        x.OnMissingInstance(m => m.Discard());
    }
}
