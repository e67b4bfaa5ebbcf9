using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Persistence;

/// <summary>
/// The orchestrator database's connection pool, wrapped so it never collides with another
/// NpgsqlDataSource registration in the same container.
/// </summary>
public sealed class PersistenceDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    public PersistenceDatabase(IOptions<PersistenceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString!);
    }

    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken) =>
        _dataSource.OpenConnectionAsync(cancellationToken);

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
