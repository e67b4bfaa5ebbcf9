using MassTransit;

namespace MedPipeline.Persistence.Tests.Probe;

/// <summary>Retry outside the outbox, so a version conflict re-runs the whole consume in a new transaction.</summary>
public sealed class ProbeSagaDefinition : SagaDefinition<ProbeSaga>
{
    protected override void ConfigureSaga(IReceiveEndpointConfigurator endpointConfigurator, ISagaConfigurator<ProbeSaga> sagaConfigurator,
        IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
            // One message at a time per bus: two buses then each take one of two messages, which must collide.
            rabbit.PrefetchCount = 1;
        }

        endpointConfigurator.UseMessageRetry(r => r.Immediate(5));
        endpointConfigurator.UseNpgsqlOutbox(context);
    }
}
