using MedPipeline.Persistence.Tests.Probe;
using Npgsql;

namespace MedPipeline.Persistence.Tests;

/// <summary>Reads the rows the tests assert on, straight from PostgreSQL.</summary>
public sealed class ProbeDatabase(string connectionString)
{
    public async Task<ProbeRow?> ReadAsync(Guid correlationId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT current_state, version, (data->>'Counter')::int, (data->>'Timeouts')::int, due_at
            FROM {ProbeSagaTable.Name} WHERE correlation_id = $1
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = correlationId });
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        return new ProbeRow(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    public Task<long> CountOutboxAsync(Guid correlationId, bool unsentOnly = false) =>
        ScalarAsync<long>($"SELECT count(*) FROM mp_outbox WHERE correlation_id = $1{(unsentOnly ? " AND sent_at IS NULL" : "")}", correlationId);

    public async Task<string> OutboxMessageTypesAsync(Guid correlationId) =>
        await ScalarAsync<string?>("SELECT string_agg(message_type, ' | ' ORDER BY sequence) FROM mp_outbox WHERE correlation_id = $1", correlationId) ?? "";

    public Task<long> CountInboxAsync(Guid messageId) =>
        ScalarAsync<long>("SELECT count(*) FROM mp_inbox WHERE message_id = $1", messageId);

    public Task<bool> IsDueAsync(Guid correlationId) =>
        ScalarAsync<bool>($"SELECT coalesce(due_at <= now(), false) FROM {ProbeSagaTable.Name} WHERE correlation_id = $1", correlationId);

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        var value = await command.ExecuteScalarAsync();
        return value is DBNull ? default! : (T)value!;
    }
}
