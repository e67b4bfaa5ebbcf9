using MedPipeline.Persistence.Outbox;
using MedPipeline.Persistence.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPipeline.Persistence;

/// <summary>
/// Durable orchestrator state in PostgreSQL (Npgsql only). Design: rather than implementing
/// MassTransit's EF-shaped outbox abstractions, a small filter of ours opens one Npgsql transaction
/// per consumed message and reuses MassTransit's own outbox send endpoints to capture what the
/// consumer publishes or sends as serialized rows (body + headers + destination); the saga
/// repository joins that transaction. After commit a relay re-sends the rows with MassTransit's
/// OutboxMessageSendPipe (type, headers and MessageId unchanged). Every piece stays a few SQL
/// statements we can test against a real database, and timeouts reuse the same outbox.
/// </summary>
public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers options (section "Persistence", connection string falling back to
    /// "ConnectionStrings:Orchestrator"), the schema migrator (runs before the bus starts) and the outbox relay.
    /// </summary>
    public static IServiceCollection AddMedPipelinePersistence(this IServiceCollection services, Action<PersistenceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PersistenceOptions>().BindConfiguration(PersistenceOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.PostConfigure<IConfiguration>((o, configuration) =>
            {
                if (string.IsNullOrWhiteSpace(o.ConnectionString))
                {
                    o.ConnectionString = configuration.GetConnectionString(PersistenceOptions.ConnectionStringName);
                }
            })
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton<PersistenceDatabase>();
        services.TryAddSingleton<OutboxRelaySignal>();
        services.TryAddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddHostedService<OutboxRelay>();
        return services;
    }
}
