using MassTransit;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Orchestrator.Validation;
using MedPipeline.Persistence;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>
/// Endpoint tuning of the saga: a quorum queue with a delivery limit and its dead-letter queue; retries (outside the transaction) absorb optimistic
/// concurrency conflicts when two messages for one series arrive at once; the PostgreSQL inbox and
/// transactional outbox commit the state change together with the messages it sends. Every PredictSeries
/// is validated first, with the exchange it was published to (each organization's ingress exchange is bound here): a
/// refused one never reaches the transaction or the repository.
/// </summary>
public sealed class SeriesStateDefinition : SagaDefinition<SeriesState>
{
    public SeriesStateDefinition() => ConcurrentMessageLimit = 16;

    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<SeriesState> sagaConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueWithDeadLetterOnRabbitMq(context);
        endpointConfigurator.UseMessageRetry(r => r.Intervals(20, 50, 100, 200, 500, 1000, 2000, 5000));
        endpointConfigurator.UseNpgsqlOutbox(context);
        PredictSeriesValidationFilter.AddTo(sagaConfigurator, context, PredictSeriesIngress.BindOnRabbitMq(endpointConfigurator, context));
    }
}
