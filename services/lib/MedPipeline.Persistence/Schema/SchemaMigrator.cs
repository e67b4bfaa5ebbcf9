using Microsoft.Extensions.Logging;
using Npgsql;

namespace MedPipeline.Persistence.Schema;

/// <summary>
/// Brings the database to the schema this build expects. All steps run in one transaction under a
/// transaction-scoped advisory lock, so orchestrators starting together apply each step once and a
/// failed step leaves nothing half-created (PostgreSQL DDL is transactional).
/// </summary>
public sealed class SchemaMigrator(PersistenceDatabase database, IEnumerable<ISagaTableSchema> sagaTables, ILogger<SchemaMigrator> logger)
{
    private const long MigrationLockKey = 0x4D50_4D49_4752; // "MPMIGR": one lock id for every orchestrator

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = CoreSchema.Migrations
            .Concat(sagaTables.Select(t => t.TableName).Distinct(StringComparer.Ordinal).Select(SagaTableSchema.For))
            .Concat(sagaTables.SelectMany(t => t.ReadModelMigrations).DistinctBy(m => (m.Component, m.Version)))
            .ToList();

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS mp_schema_version (
                component text PRIMARY KEY,
                version integer NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = await ReadVersionsAsync(connection, transaction, cancellationToken);
        // Stable: within one version, core first, then saga tables, then the read models back-filled from them.
        foreach (var migration in migrations.OrderBy(m => m.Version))
        {
            if (applied.TryGetValue(migration.Component, out var version) && version >= migration.Version)
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("""
                INSERT INTO mp_schema_version (component, version) VALUES ($1, $2)
                ON CONFLICT (component) DO UPDATE SET version = EXCLUDED.version, applied_at = now()
                """, connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Component });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied[migration.Component] = migration.Version;
            logger.SchemaStepApplied(migration.Component, migration.Version);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<Dictionary<string, int>> ReadVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var versions = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT component, version FROM mp_schema_version", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.GetInt32(1);
        }

        return versions;
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
