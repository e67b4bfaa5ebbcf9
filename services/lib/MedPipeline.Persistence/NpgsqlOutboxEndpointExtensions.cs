using MassTransit;
using MedPipeline.Persistence.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Persistence;

/// <summary>Puts a receive endpoint's consumers and sagas on the PostgreSQL inbox + transactional outbox.</summary>
public static class NpgsqlOutboxEndpointExtensions
{
    /// <summary>
    /// Consumes every message of this endpoint's consumers and sagas in a PostgreSQL transaction with
    /// an inbox (redeliveries are consumed once) and a transactional outbox (what they publish or send
    /// is stored in the same transaction and relayed to the broker after commit). Call it after
    /// UseMessageRetry, in the endpoint's definition, before the consumers/sagas are configured.
    /// </summary>
    public static void UseNpgsqlOutbox(this IReceiveEndpointConfigurator configurator, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(services);
        var observer = new NpgsqlOutboxConfigurationObserver(
            configurator,
            services.GetRequiredService<PersistenceDatabase>(),
            services.GetRequiredService<OutboxRelaySignal>(),
            services.GetRequiredService<ILoggerFactory>());
        configurator.ConnectConsumerConfigurationObserver(observer);
        configurator.ConnectSagaConfigurationObserver(observer);
    }
}
