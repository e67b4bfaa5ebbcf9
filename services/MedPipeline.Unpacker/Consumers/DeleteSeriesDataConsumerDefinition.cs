using MassTransit;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Unpacker.Consumers;

/// <summary>Its own quorum queue, so clean-up never waits behind large archives.</summary>
public sealed class DeleteSeriesDataConsumerDefinition : ConsumerDefinition<DeleteSeriesDataConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<DeleteSeriesDataConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueOnRabbitMq();
        endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient);
    }
}
