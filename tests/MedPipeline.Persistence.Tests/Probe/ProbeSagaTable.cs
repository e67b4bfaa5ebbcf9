using MedPipeline.Persistence.Saga;

namespace MedPipeline.Persistence.Tests.Probe;

public static class ProbeSagaTable
{
    public const string Name = "probe_saga";

    public static SagaTableMap<ProbeSaga> Map { get; } = new(Name, s => s.CurrentState)
    {
        DueAt = s => s.DueAt,
        TimeoutEvent = s => new ProbeTimedOut { CorrelationId = s.CorrelationId },
    };
}
