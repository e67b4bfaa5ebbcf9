using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// Tells live watchers (the gateway's progress stream) that an attempt ended. Sent through the saga's outbox,
/// so it leaves only after the status read model holds the outcome: whoever reads the status on it sees the end.
/// </summary>
internal static class SeriesFinishedNotice
{
    public static EventActivityBinder<SeriesState, T> AnnounceFinished<T>(this EventActivityBinder<SeriesState, T> binder)
        where T : class =>
        binder.Publish(context => new SeriesFinished
        {
            CorrelationId = context.Saga.CorrelationId,
            AttemptId = context.Saga.AttemptId,
            Status = context.Saga.Status!,
        });
}
