using MassTransit;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Unpacker.Consumers;

/// <summary>A quorum queue (losing it would lose series), the shared transient retry, a few archives at a time.</summary>
public sealed class UnpackSeriesArchiveConsumerDefinition : ConsumerDefinition<UnpackSeriesArchiveConsumer>
{
    public UnpackSeriesArchiveConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<UnpackSeriesArchiveConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueOnRabbitMq();
        endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient);
    }
}
