using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>What an operator's rerun or cancel does to a series, each decision written to the audit log.</summary>
internal static class SeriesOperatorBehaviors
{
    public const string CancelledReason = "cancelled by an operator";

    /// <summary>A new attempt from the upload the series holds; the same transition as predictAgain, every backend series id kept.</summary>
    public static EventActivityBinder<SeriesState, RerunSeries> Rerun(this EventActivityBinder<SeriesState, RerunSeries> binder,
        SeriesSagaSettings settings, SeriesActionAudit audit) =>
        binder.Audited(audit, c => $"rerun from {c.Saga.CurrentState} as attempt {c.Saga.Attempts + 1}")
            .DeletePreviousAttempt(settings, context => context.Saga.ArchiveKey)
            .RunAttempt(settings);

    public static EventActivityBinder<SeriesState, RerunSeries> Audited(this EventActivityBinder<SeriesState, RerunSeries> binder,
        SeriesActionAudit audit, Func<BehaviorContext<SeriesState, RerunSeries>, string> outcome) =>
        binder.Then(c => audit.Record("rerun", c.Saga.CorrelationId, c.Message.RequestedByOrganization, c.Message.RequestedByClient,
            c.Message.Reason, outcome(c)));

    public static EventActivityBinder<SeriesState, CancelSeries> Audited(this EventActivityBinder<SeriesState, CancelSeries> binder,
        SeriesActionAudit audit, Func<BehaviorContext<SeriesState, CancelSeries>, string> outcome) =>
        binder.Then(c => audit.Record("cancel", c.Saga.CorrelationId, c.Message.RequestedByOrganization, c.Message.RequestedByClient,
            c.Message.Reason, outcome(c)));
}
