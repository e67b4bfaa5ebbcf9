using MassTransit;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Preprocessor.Consumers;

/// <summary>A quorum queue, the shared transient retry, one series per core: decoding is CPU-bound.</summary>
public sealed class PreprocessSeriesConsumerDefinition : ConsumerDefinition<PreprocessSeriesConsumer>
{
    public PreprocessSeriesConsumerDefinition() => ConcurrentMessageLimit = Math.Max(1, Environment.ProcessorCount);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PreprocessSeriesConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueOnRabbitMq();
        endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient);
    }
}
