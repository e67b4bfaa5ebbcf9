using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Persistence.Outbox;

/// <summary>
/// Adds <see cref="NpgsqlOutboxFilter{TMessage}"/> to every consumer and saga message pipe of an
/// endpoint, with an inbox consumer id of endpoint + consumer + message type.
/// </summary>
internal sealed class NpgsqlOutboxConfigurationObserver(
    IReceiveEndpointConfigurator endpoint, PersistenceDatabase database, OutboxRelaySignal relaySignal, ILoggerFactory loggerFactory)
    : IConsumerConfigurationObserver, ISagaConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class =>
        AddFilter<TConsumer, TMessage>(configurator as IConsumerMessageConfigurator<TMessage>
            ?? throw new ConfigurationException($"Cannot add the Npgsql outbox to {typeof(TConsumer).Name}."));

    public void SagaConfigured<TSaga>(ISagaConfigurator<TSaga> configurator)
        where TSaga : class, ISaga
    {
    }

    public void StateMachineSagaConfigured<TInstance>(ISagaConfigurator<TInstance> configurator, SagaStateMachine<TInstance> stateMachine)
        where TInstance : class, ISaga, SagaStateMachineInstance
    {
    }

    public void SagaMessageConfigured<TSaga, TMessage>(ISagaMessageConfigurator<TSaga, TMessage> configurator)
        where TSaga : class, ISaga
        where TMessage : class =>
        AddFilter<TSaga, TMessage>(configurator as ISagaMessageConfigurator<TMessage>
            ?? throw new ConfigurationException($"Cannot add the Npgsql outbox to {typeof(TSaga).Name}."));

    private void AddFilter<TConsumer, TMessage>(IPipeConfigurator<ConsumeContext<TMessage>> configurator)
        where TMessage : class
    {
        var consumerType = typeof(TConsumer).Name;
        var consumerId = $"{endpoint.InputAddress.Segments[^1]}/{consumerType}/{typeof(TMessage).Name}";
        var logger = loggerFactory.CreateLogger<NpgsqlOutboxFilter<TMessage>>();
        configurator.UseFilter(new NpgsqlOutboxFilter<TMessage>(database, relaySignal, consumerId, consumerType, logger));
    }
}
