using MassTransit;

namespace MedPipeline.Persistence.Tests.Probe;

public sealed class ProbeSaga : SagaStateMachineInstance, ISagaVersion
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public int Version { get; set; }

    public int Counter { get; set; }

    public int Timeouts { get; set; }

    public DateTimeOffset? DueAt { get; set; }
}
