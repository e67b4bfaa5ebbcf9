using MedPipeline.Contracts;
using MedPipeline.Persistence.Saga;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// How <see cref="SeriesState"/> is stored: table series_state, the state as text, and DueAt as the
/// durable timeout column; the sweeper turns a passed due time into <see cref="SeriesStageTimedOut"/>.
/// The gateway reads the same table (read-only) to answer status requests.
/// </summary>
public static class SeriesStateTable
{
    public const string Name = "series_state";

    public static SagaTableMap<SeriesState> Map { get; } = new(Name, s => s.CurrentState)
    {
        DueAt = s => s.Stage is null ? null : s.DueAt,
        TimeoutEvent = s => s.Stage is null
            ? null
            : new SeriesStageTimedOut { CorrelationId = s.CorrelationId, AttemptId = s.AttemptId, Stage = s.Stage },
    };
}
