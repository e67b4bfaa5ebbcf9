using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

/// <summary>
/// A virtual host and a database of one test's own on the shared private broker and server; the
/// database is used as the orchestrator's role (owner of what it creates, no superuser), as in production.
/// </summary>
public sealed record ProbeEnvironment(Uri AmqpUri, string ConnectionString, string VirtualHost)
{
    public static async Task<ProbeEnvironment> CreateAsync(string prefix)
    {
        var rabbitMq = await TestServices.RabbitMqAsync();
        var postgres = await TestServices.PostgresAsync();
        var virtualHost = await rabbitMq.CreateVirtualHostAsync(prefix);
        var connectionString = (await postgres.CreatePipelineDatabaseAsync(prefix)).Orchestrator;
        return new ProbeEnvironment(rabbitMq.AmqpUri(virtualHost), connectionString, virtualHost);
    }
}
