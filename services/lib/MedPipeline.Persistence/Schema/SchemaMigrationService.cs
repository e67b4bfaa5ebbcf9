using Microsoft.Extensions.Hosting;

namespace MedPipeline.Persistence.Schema;

/// <summary>
/// Migrates in <see cref="IHostedLifecycleService.StartingAsync"/>, which the host runs before any
/// hosted service's StartAsync, so the bus never consumes into missing tables.
/// </summary>
internal sealed class SchemaMigrationService(SchemaMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
