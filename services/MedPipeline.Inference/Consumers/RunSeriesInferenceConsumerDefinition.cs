using MassTransit;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Inference.Consumers;

/// <summary>A quorum queue, the shared transient retry, two series at a time (each run already uses the cores).</summary>
public sealed class RunSeriesInferenceConsumerDefinition : ConsumerDefinition<RunSeriesInferenceConsumer>
{
    public RunSeriesInferenceConsumerDefinition() => ConcurrentMessageLimit = 2;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RunSeriesInferenceConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueOnRabbitMq();
        endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient);
    }
}
