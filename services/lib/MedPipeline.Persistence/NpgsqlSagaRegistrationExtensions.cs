using MassTransit;
using MassTransit.Configuration;
using MassTransit.Saga;
using MedPipeline.Persistence.Saga;
using MedPipeline.Persistence.Schema;
using MedPipeline.Persistence.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPipeline.Persistence;

/// <summary>Registers a saga's PostgreSQL repository and durable-timeout sweeper.</summary>
public static class NpgsqlSagaRegistrationExtensions
{
    /// <summary>
    /// Stores <typeparamref name="TSaga"/> in PostgreSQL (table from <paramref name="map"/>, created at
    /// start) with optimistic concurrency on its Version, and, when the map has a timeout event
    /// factory, runs the durable-timeout sweeper for it. The saga's endpoint must use
    /// <see cref="NpgsqlOutboxEndpointExtensions.UseNpgsqlOutbox"/> after UseMessageRetry; needs
    /// <see cref="PersistenceServiceCollectionExtensions.AddMedPipelinePersistence"/>.
    /// </summary>
    public static ISagaRegistrationConfigurator<TSaga> NpgsqlRepository<TSaga>(
        this ISagaRegistrationConfigurator<TSaga> configurator, SagaTableMap<TSaga> map)
        where TSaga : class, ISagaVersion
    {
        ArgumentNullException.ThrowIfNull(configurator);
        ArgumentNullException.ThrowIfNull(map);
        configurator.Repository(services =>
        {
            services.TryAddSingleton(map);
            services.AddSingleton<ISagaTableSchema>(map);
            services.TryAddSingleton<SagaRowStore<TSaga>>();
            services.RegisterSagaRepository<TSaga, ConsumeTransaction, SagaConsumeContextFactory<ConsumeTransaction, TSaga>,
                NpgsqlSagaRepositoryContextFactory<TSaga>>();
            if (map.TimeoutEvent is not null)
            {
                services.AddHostedService<TimeoutSweeper<TSaga>>();
            }
        });
        return configurator;
    }
}
