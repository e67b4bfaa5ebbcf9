using MassTransit;
using MedPipeline.Hosting.Logging;

namespace MedPipeline.Hosting.Messaging;

public static class MedPipelineBusDefaults
{
    /// <summary>
    /// What every MedPipeline bus does, whatever its transport: the correlation logging scope on every
    /// consume, and the endpoints of the registered consumers, sagas and their definitions (which apply
    /// <see cref="MedPipelineRetry.Transient"/> and, for queues whose loss would lose work,
    /// <see cref="RabbitMqBusConfiguration.UseQuorumQueueOnRabbitMq"/>).
    /// </summary>
    public static void ConfigureMedPipelineBus<TEndpointConfigurator>(this IBusFactoryConfigurator<TEndpointConfigurator> configurator,
        IBusRegistrationContext context)
        where TEndpointConfigurator : IReceiveEndpointConfigurator
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(context);
        configurator.UseConsumeFilter(typeof(CorrelationLoggingScopeFilter<>), context);
        configurator.ConfigureEndpoints(context);
    }
}
