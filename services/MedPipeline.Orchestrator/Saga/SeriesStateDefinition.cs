using MassTransit;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// Endpoint tuning of the saga: retries absorb optimistic-concurrency conflicts (two messages for one
/// series at once) and brief database hiccups; the in-memory outbox holds published messages until
/// the saga's state is saved (the PostgreSQL transactional outbox replaces it when persistence lands).
/// </summary>
public sealed class SeriesStateDefinition : SagaDefinition<SeriesState>
{
    public SeriesStateDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<SeriesState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(50, 200, 500, 1000, 2000));
        endpointConfigurator.UseInMemoryOutbox(context);
    }
}
