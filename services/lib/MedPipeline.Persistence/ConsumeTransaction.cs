using Npgsql;

namespace MedPipeline.Persistence;

/// <summary>
/// The database transaction of one consumed message, carried as a ConsumeContext payload: the saga
/// row, the inbox row and the outbox rows of that message all commit or roll back together.
/// </summary>
public sealed class ConsumeTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public NpgsqlConnection Connection { get; } = connection;

    public NpgsqlTransaction Transaction { get; } = transaction;

    public NpgsqlCommand CreateCommand(string sql) => new(sql, Connection, Transaction);
}
