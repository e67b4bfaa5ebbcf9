using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// The DICOM results step between inference and the callback, as named behaviours. Whatever becomes of it (made,
/// failed, timed out), the series completes with its prediction; the DICOM outcome is recorded on the prediction.
/// </summary>
internal static class SeriesDicomResultsBehaviors
{
    public const string KeptFailingReason = "building the DICOM results kept failing after its retries; the service's log has the details";

    public const string TimedOutReason = "the DICOM results were not made in time";

    /// <summary>Asks the results worker for the SR (and heatmap images) of the prediction just recorded, with a deadline.</summary>
    public static EventActivityBinder<SeriesState, SeriesInferenceCompleted> StartDicomResults(
        this EventActivityBinder<SeriesState, SeriesInferenceCompleted> binder, SeriesSagaSettings settings) =>
        binder.Then(context =>
            {
                context.Saga.Stage = SeriesStage.DicomResults;
                context.Saga.DueAt = settings.Now + settings.Timeouts.DicomResults;
            })
            .Publish(context => new BuildDicomResults
            {
                CorrelationId = context.Saga.CorrelationId,
                AttemptId = context.Saga.AttemptId,
                Organization = context.Saga.Organization,
                StudyInstanceUid = context.Saga.StudyInstanceUid,
                SeriesInstanceUid = context.Saga.SeriesInstanceUid,
                InstancesKey = context.Saga.InstancesKey ?? "",
                Prediction = context.Message.Prediction,
                Heatmaps = context.Message.Heatmaps,
            });

    /// <summary>Puts the DICOM outcome on the prediction, where the callback's result and the status carry it.</summary>
    public static EventActivityBinder<SeriesState, T> RecordDicomResults<T>(this EventActivityBinder<SeriesState, T> binder,
        SeriesSagaSettings settings, Func<BehaviorContext<SeriesState, T>, DicomResults> results)
        where T : class =>
        binder.Then(context =>
        {
            context.Saga.DicomResultsAt = settings.Now;
            context.Saga.Prediction = (context.Saga.Prediction ?? new SeriesPrediction()) with { DicomResults = results(context) };
        });

    /// <summary>Whether a timeout is the DICOM results step's own (not a stale one of an earlier stage).</summary>
    public static bool IsDicomResultsTimeout(BehaviorContext<SeriesState, SeriesStageTimedOut> context) =>
        context.Saga.Stage == SeriesStage.DicomResults && SeriesStageNames.Parse(context.Message.Stage) == SeriesStage.DicomResults;
}
