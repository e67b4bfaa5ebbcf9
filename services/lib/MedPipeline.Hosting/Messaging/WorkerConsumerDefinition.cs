using MassTransit;

namespace MedPipeline.Hosting.Messaging;

/// <summary>
/// The endpoint every worker consumer gets: a quorum queue (losing it would lose series) with a delivery
/// limit and its dead-letter queue (a poison message stops there), and the shared
/// transient retry. A worker's definition derives from it and says only how many messages it takes at once.
/// </summary>
public abstract class WorkerConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    /// <param name="concurrentMessageLimit">Messages handled at once by one process; null leaves MassTransit's default.</param>
    protected WorkerConsumerDefinition(int? concurrentMessageLimit = null)
    {
        if (concurrentMessageLimit is { } limit)
        {
            ConcurrentMessageLimit = limit;
        }
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseQuorumQueueWithDeadLetterOnRabbitMq(context);
        endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient);
    }
}
