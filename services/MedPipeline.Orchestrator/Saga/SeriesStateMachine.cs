using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Options;
using Microsoft.Extensions.Options;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// One series from request to callback: Received → Unpacking → Preprocessing → Inferring → (Reporting, with DICOM
/// output) → Completed | NotSupported | Failed. Messages of a superseded attempt are ignored; a request for a
/// finished series re-sends its outcome unless predictAgain asks for a new attempt. An operator may rerun a running
/// or failed series from the upload it still holds, or cancel a running one (Failed, "cancelled by an operator").
/// </summary>
public sealed partial class SeriesStateMachine : MassTransitStateMachine<SeriesState>
{
    public SeriesStateMachine(IModelSupport models, IDicomOutput dicomOutput, IOptions<StageTimeouts> options, IOptions<CallbackRetry> callbackRetry,
        IOptions<SeriesDataCleanup> cleanup, TimeProvider time, ILoggerFactory loggers)
    {
        var s = new SeriesSagaSettings(time, options.Value, callbackRetry.Value, cleanup.Value.DeleteSeriesData);
        var audit = new SeriesActionAudit(loggers);
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
        Event(() => RerunRequested, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => CancelRequested, x => Existing(x, c => c.Message.CorrelationId));
        OnUnhandledEvent(context => context.Ignore());

        Initially(
            When(Requested, c => !models.IsKnown(c.Message.ModelType))
                .StartAttempt(s).EndIn(Failed, s, c => $"unknown model type '{c.Message.ModelType}'"),
            When(Requested, c => models.IsKnown(c.Message.ModelType))
                .StartAttempt(s).TransitionTo(Received));

        During(Received,
            WhenCurrent(UnpackingStarted, m => m.AttemptId)
                .Then(c => c.Saga.UnpackingStartedAt = s.Now).TransitionTo(Unpacking));

        // Received too: an Unpacker's answer may overtake its "started" note.
        During(Received, Unpacking,
            WhenCurrent(Unpacked, m => m.AttemptId, c => c.Message.ImageInstanceCount == 0)
                .RecordFound(s).EndIn(NotSupported, s, _ => "the series has no image instances"),
            WhenCurrent(Unpacked, m => m.AttemptId, c => c.Message.ImageInstanceCount > 0 && !Supported(models, c))
                .RecordFound(s).EndIn(NotSupported, s, c =>
                    $"model '{c.Saga.ModelType}' does not support modality {c.Message.Modality ?? "(none)"} / SOP class {string.Join(", ", c.Message.SopClassUids)}"),
            WhenCurrent(Unpacked, m => m.AttemptId, c => c.Message.ImageInstanceCount > 0 && Supported(models, c))
                .RecordFound(s).StartPreprocessing(s).TransitionTo(Preprocessing),
            WhenCurrent(Rejected, m => m.AttemptId, c => c.Message.Kind == RejectionKind.NoImageInstances)
                .EndIn(NotSupported, s, c => c.Message.Reason),
            WhenCurrent(Rejected, m => m.AttemptId, c => c.Message.Kind != RejectionKind.NoImageInstances)
                .EndIn(Failed, s, c => $"the archive was rejected ({c.Message.Kind}): {c.Message.Reason}"),
            StageKeptFailing(UnpackFaulted, m => m.AttemptId, "unpacking", s));

        During(Preprocessing,
            WhenCurrent(Preprocessed, m => m.AttemptId).StartInference(s).TransitionTo(Inferring),
            StageFailed(PreprocessingFailed, m => m.AttemptId, m => m.Reason, s),
            StageKeptFailing(PreprocessFaulted, m => m.AttemptId, "preprocessing", s));

        During(Inferring,
            WhenCurrent(Inferred, m => m.AttemptId, c => !dicomOutput.IsEnabledFor(c.Saga.Organization)).RecordPrediction(s).EndIn(Completed, s, _ => null),
            WhenCurrent(Inferred, m => m.AttemptId, c => dicomOutput.IsEnabledFor(c.Saga.Organization))
                .RecordPrediction(s).StartDicomResults(s).TransitionTo(Reporting),
            StageFailed(InferenceFailed, m => m.AttemptId, m => m.Reason, s),
            StageKeptFailing(InferenceFaulted, m => m.AttemptId, "inference", s));

        DuringReporting(s, audit);

        During(Received, Unpacking, Preprocessing, Inferring,
            When(Requested, c => !c.Message.PredictAgain).Join(s),
            When(Requested, c => c.Message.PredictAgain).StartAttempt(s).TransitionTo(Received),
            WhenCurrent(TimedOut, m => m.AttemptId, c => SeriesStageNames.Parse(c.Message.Stage) is { } stage && stage == c.Saga.Stage)
                .EndIn(Failed, s, c => $"the {c.Saga.Stage!.Value.Word()} stage did not answer in time"));

        During(Completed, NotSupported,
            When(Requested, c => !c.Message.PredictAgain).ResendOutcome(s),
            When(Requested, c => c.Message.PredictAgain).StartAttempt(s).TransitionTo(Received));

        During(Failed,
            When(Requested).StartAttempt(s).TransitionTo(Received));

        // Operators: rerun a running (stuck) series or a failed one whose upload is kept; cancel a running one.
        During(Received, Unpacking, Preprocessing, Inferring,
            When(RerunRequested).Rerun(s, audit).TransitionTo(Received),
            When(CancelRequested).Audited(audit, _ => "cancelled").EndIn(Failed, s, _ => SeriesOperatorBehaviors.CancelledReason));
        During(Failed,
            When(RerunRequested, c => !c.Saga.ArchiveDeleted).Rerun(s, audit).TransitionTo(Received),
            When(RerunRequested, c => c.Saga.ArchiveDeleted).Audited(audit, _ => "refused: the upload is gone; submit the series again"));
        During(Completed, NotSupported,
            When(RerunRequested).Audited(audit, c => $"refused: the series is {c.Saga.CurrentState}; submit it with predictAgain"));
        During(Completed, NotSupported, Failed,
            When(CancelRequested).Audited(audit, c => $"ignored: the series already ended ({c.Saga.CurrentState})"));

        During(Completed, NotSupported, Failed,
            WhenCurrent(TimedOut, m => m.AttemptId,
                    c => SeriesStageNames.Parse(c.Message.Stage) == SeriesStage.Callback && c.Saga.Stage == SeriesStage.Callback)
                .RedeliverCallbacks());

        // A late outcome of a superseded attempt's callback says nothing about the current attempt's delivery.
        DuringAny(
            WhenCurrent(CallbackDelivered, m => m.AttemptId).RecordDelivered(),
            WhenCurrent(CallbackFailed, m => m.AttemptId, c => SeriesCallbackBehaviors.IsRedeliverable(c, s)).ScheduleCallbackRedelivery(s),
            WhenCurrent(CallbackFailed, m => m.AttemptId, c => !SeriesCallbackBehaviors.IsRedeliverable(c, s)).RecordGivenUp());
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

    public Event<RerunSeries> RerunRequested { get; private set; } = null!;

    public Event<CancelSeries> CancelRequested { get; private set; } = null!;

    /// <summary>
    /// The event, when it belongs to the series' current attempt (and <paramref name="also"/> holds):
    /// answers of a superseded attempt are ignored. A null attempt comes only from a callback
    /// worker older than the attempt id on callback outcomes, and is taken as the current one's.
    /// </summary>
    private EventActivityBinder<SeriesState, T> WhenCurrent<T>(Event<T> @event, Func<T, Guid?> attempt,
        Func<BehaviorContext<SeriesState, T>, bool>? also = null)
        where T : class =>
        When(@event, c => (attempt(c.Message) ?? c.Saga.AttemptId) == c.Saga.AttemptId && (also is null || also(c)));

    /// <summary>A worker of the current attempt reported that its stage failed: the series fails with its reason.</summary>
    private EventActivities<SeriesState> StageFailed<T>(Event<T> @event, Func<T, Guid?> attempt, Func<T, string> reason, SeriesSagaSettings s)
        where T : class =>
        WhenCurrent(@event, attempt).EndIn(Failed, s, c => reason(c.Message));

    /// <summary>
    /// A worker of the current attempt kept throwing until its retries ran out (its Fault): the series fails.
    /// The reason goes to the hospital's backend and the status read model, so it names the kind of failure
    /// only: exception messages can carry store paths, hosts or file names, which stay in the worker's log.
    /// </summary>
    private EventActivities<SeriesState> StageKeptFailing<T>(Event<Fault<T>> @event, Func<T, Guid?> attempt, string doing, SeriesSagaSettings s)
        where T : class =>
        WhenCurrent(@event, f => attempt(f.Message)).EndIn(Failed, s, c =>
            $"{doing} kept failing after its retries ({ShortTypeName(c.Message.Exceptions.FirstOrDefault()?.ExceptionType)}); the service's log has the details");

    private static string ShortTypeName(string? exceptionType) =>
        exceptionType is null ? "no exception recorded" : exceptionType[(exceptionType.LastIndexOf('.') + 1)..];

    private static bool Supported(IModelSupport models, BehaviorContext<SeriesState, SeriesUnpacked> c) =>
        models.Supports(c.Saga.ModelType, c.Message.Modality, c.Message.SopClassUids);

    private static void Existing<T>(IEventCorrelationConfigurator<SeriesState, T> x, Func<ConsumeContext<T>, Guid> id)
        where T : class
    {
        x.CorrelateById(id);
        x.OnMissingInstance(m => m.Discard());
    }
}
