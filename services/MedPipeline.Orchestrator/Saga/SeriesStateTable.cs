using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.Persistence.Saga;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// How <see cref="SeriesState"/> is stored: table series_state (private to the orchestrator), the
/// state as text, and DueAt as the durable timeout column; the sweeper turns a passed due time into
/// <see cref="SeriesStageTimedOut"/>. Every change is also written to <see cref="SeriesStatusTable"/>,
/// the read model others query, in the same transaction.
/// </summary>
public static class SeriesStateTable
{
    public const string Name = "series_state";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static SagaTableMap<SeriesState> Map { get; } = new(Name, s => s.CurrentState)
    {
        DueAt = s => s.Stage is null ? null : s.DueAt,
        TimeoutEvent = s => s.Stage is not { } stage
            ? null
            : new SeriesStageTimedOut { CorrelationId = s.CorrelationId, AttemptId = s.AttemptId, Stage = stage.ToString() },
        ReadModel = new SeriesStatusTable(Json),
        JsonOptions = Json,
    };
}
