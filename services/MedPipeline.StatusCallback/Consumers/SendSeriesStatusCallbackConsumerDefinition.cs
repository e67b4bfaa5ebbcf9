using MassTransit;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.StatusCallback.Consumers;

/// <summary>
/// A quorum queue and the shared transient retry; many deliveries at once, since each mostly waits on a
/// backend (and one slow hospital must not hold up the others).
/// </summary>
public sealed class SendSeriesStatusCallbackConsumerDefinition : ConsumerDefinition<SendSeriesStatusCallbackConsumer>
{
    public SendSeriesStatusCallbackConsumerDefinition() => ConcurrentMessageLimit = 32;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SendSeriesStatusCallbackConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueOnRabbitMq();
        endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient);
    }
}
