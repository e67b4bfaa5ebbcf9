using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>The DICOM results step of the series saga (state Reporting), kept apart from the stages before it.</summary>
public sealed partial class SeriesStateMachine
{
    /// <summary>The prediction is in; the DICOM results are being made and exported (organizations with DICOM output).</summary>
    public State Reporting { get; private set; } = null!;

    public Event<DicomResultsBuilt> DicomResultsBuilt { get; private set; } = null!;

    public Event<Fault<BuildDicomResults>> DicomResultsFaulted { get; private set; } = null!;

    /// <summary>The step cannot lose the prediction: made, failed or late, the series completes, the DICOM outcome recorded.</summary>
    private void DuringReporting(SeriesSagaSettings s, SeriesActionAudit audit)
    {
        Event(() => DicomResultsBuilt, x => Existing(x, c => c.Message.CorrelationId));
        Event(() => DicomResultsFaulted, x => Existing(x, c => c.Message.Message.CorrelationId));

        During(Reporting,
            WhenCurrent(DicomResultsBuilt, m => m.AttemptId).RecordDicomResults(s, c => c.Message.Results).EndIn(Completed, s, _ => null),
            WhenCurrent(DicomResultsFaulted, f => f.Message.AttemptId)
                .RecordDicomResults(s, _ => new DicomResults { Failure = SeriesDicomResultsBehaviors.KeptFailingReason }).EndIn(Completed, s, _ => null),
            WhenCurrent(TimedOut, m => m.AttemptId, SeriesDicomResultsBehaviors.IsDicomResultsTimeout)
                .RecordDicomResults(s, _ => new DicomResults { Failure = SeriesDicomResultsBehaviors.TimedOutReason }).EndIn(Completed, s, _ => null),
            When(Requested, c => !c.Message.PredictAgain).Join(s),
            When(Requested, c => c.Message.PredictAgain).StartAttempt(s).TransitionTo(Received),
            When(RerunRequested).Rerun(s, audit).TransitionTo(Received),
            When(CancelRequested).Audited(audit, _ => "cancelled").EndIn(Failed, s, _ => SeriesOperatorBehaviors.CancelledReason));
    }
}
