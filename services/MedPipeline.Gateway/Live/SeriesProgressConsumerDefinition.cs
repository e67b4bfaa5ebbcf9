using MassTransit;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// A temporary endpoint per gateway process (MassTransit declares it exclusive, non-durable and expiring: gone with
/// the gateway's connection, and a minute after at the latest): progress is
/// for whoever watches now, so nothing is kept for a gateway that is down. One message at a time keeps each
/// series' events in the order the broker delivered them; a notice that cannot be handled is dropped, never
/// parked in an _error queue that would outlive the endpoint.
/// </summary>
public sealed class SeriesProgressConsumerDefinition : ConsumerDefinition<SeriesProgressConsumer>
{
    /// <summary>The queue's name: the gateway's broker permissions (PipelineBrokerAccess) cover this pattern.</summary>
    public const string QueuePrefix = "gateway-live-";

    public SeriesProgressConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.Name = $"{QueuePrefix}{Guid.NewGuid():N}";
            e.Temporary = true;
            e.ConcurrentMessageLimit = 1;
            e.PrefetchCount = 64;
        });
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<SeriesProgressConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.DiscardFaultedMessages();
        endpointConfigurator.DiscardSkippedMessages();
    }
}
