using System.Text.Json;
using MassTransit;
using NpgsqlTypes;

namespace MedPipeline.Persistence.Saga;

/// <summary>The SQL of one saga table (and its read model); every statement runs in the caller's transaction.</summary>
internal sealed class SagaRowStore<TSaga>(SagaTableMap<TSaga> map)
    where TSaga : class, ISagaVersion
{
    private readonly string _table = map.TableName;

    public async Task<TSaga?> LoadAsync(ConsumeTransaction transaction, Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand($"SELECT data, version FROM {_table} WHERE correlation_id = $1");
        command.Parameters.Add(new() { Value = correlationId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return Read(reader.GetString(0), reader.GetInt32(1));
    }

    /// <summary>Inserts unless a row with this correlation id exists (a concurrent create); returns whether it inserted.</summary>
    public async Task<bool> TryInsertAsync(ConsumeTransaction transaction, TSaga saga, CancellationToken cancellationToken)
    {
        saga.Version = 1;
        await using var command = transaction.CreateCommand($"""
            INSERT INTO {_table} (correlation_id, current_state, version, due_at, data, updated_at)
            VALUES ($1, $2, $3, $4, $5, now())
            ON CONFLICT (correlation_id) DO NOTHING
            """);
        AddColumns(command, saga);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            return false;
        }

        await WriteReadModelAsync(transaction, saga, cancellationToken);
        return true;
    }

    public async Task UpdateAsync(ConsumeTransaction transaction, TSaga saga, CancellationToken cancellationToken)
    {
        var expected = saga.Version;
        saga.Version = expected + 1;
        await using var command = transaction.CreateCommand($"""
            UPDATE {_table} SET current_state = $2, version = $3, due_at = $4, data = $5, updated_at = now()
            WHERE correlation_id = $1 AND version = $6
            """);
        AddColumns(command, saga);
        command.Parameters.Add(new() { Value = expected });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            saga.Version = expected;
            throw Conflict(saga, expected);
        }

        await WriteReadModelAsync(transaction, saga, cancellationToken);
    }

    public async Task DeleteAsync(ConsumeTransaction transaction, TSaga saga, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand($"DELETE FROM {_table} WHERE correlation_id = $1 AND version = $2");
        command.Parameters.Add(new() { Value = saga.CorrelationId });
        command.Parameters.Add(new() { Value = saga.Version });
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            throw Conflict(saga, saga.Version);
        }

        if (map.ReadModel is { } readModel)
        {
            await readModel.DeleteAsync(transaction, saga, cancellationToken);
        }
    }

    private Task WriteReadModelAsync(ConsumeTransaction transaction, TSaga saga, CancellationToken cancellationToken) =>
        map.ReadModel?.WriteAsync(transaction, saga, cancellationToken) ?? Task.CompletedTask;

    public TSaga Read(string json, int version)
    {
        var saga = JsonSerializer.Deserialize<TSaga>(json, map.JsonOptions)
            ?? throw new JsonException($"The {_table} row holds no instance.");
        saga.Version = version;
        return saga;
    }

    public static SagaVersionConflictException CreatedConcurrently(TSaga saga) =>
        new($"Saga {typeof(TSaga).Name} {saga.CorrelationId} was created concurrently.", typeof(TSaga), saga.CorrelationId);

    private void AddColumns(Npgsql.NpgsqlCommand command, TSaga saga)
    {
        command.Parameters.Add(new() { Value = saga.CorrelationId });
        command.Parameters.Add(new() { Value = map.CurrentState(saga) ?? "" });
        command.Parameters.Add(new() { Value = saga.Version });
        command.Parameters.Add(new() { Value = (object?)map.DueAt(saga)?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = JsonSerializer.Serialize(saga, map.JsonOptions), NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    private static SagaVersionConflictException Conflict(TSaga saga, int expected) =>
        new($"Saga {typeof(TSaga).Name} {saga.CorrelationId} is no longer at version {expected}.", typeof(TSaga), saga.CorrelationId);
}
