using MedPipeline.Persistence.Schema;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Persistence.Outbox;

/// <summary>The SQL of the outbox and inbox tables.</summary>
internal static class OutboxTable
{
    private const string Columns =
        "message_id, correlation_id, conversation_id, initiator_id, request_id, source_address, destination_address, " +
        "response_address, fault_address, content_type, message_type, headers, properties, body, sent_time, expiration_time, not_before";

    /// <summary>Records that this consumer has the message; false when it was already consumed (a redelivery).</summary>
    public static async Task<bool> TryRecordInboxAsync(ConsumeTransaction transaction, Guid messageId, string consumerId, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand(
            $"INSERT INTO {CoreSchema.InboxTable} (message_id, consumer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING");
        command.Parameters.Add(new() { Value = messageId });
        command.Parameters.Add(new() { Value = consumerId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public static async Task InsertAsync(ConsumeTransaction transaction, IReadOnlyList<OutboxRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(transaction.Connection, transaction.Transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(
                $"INSERT INTO {CoreSchema.OutboxTable} ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)");
            Add(command, row.MessageId);
            Add(command, row.CorrelationId);
            Add(command, row.ConversationId);
            Add(command, row.InitiatorId);
            Add(command, row.RequestId);
            Add(command, row.SourceAddress?.ToString());
            Add(command, row.DestinationAddress.ToString());
            Add(command, row.ResponseAddress?.ToString());
            Add(command, row.FaultAddress?.ToString());
            Add(command, row.ContentType);
            Add(command, row.MessageType);
            Add(command, row.Headers, NpgsqlDbType.Jsonb);
            Add(command, row.Properties, NpgsqlDbType.Jsonb);
            Add(command, row.Body);
            Add(command, row.SentTime, NpgsqlDbType.TimestampTz);
            Add(command, row.ExpirationTime, NpgsqlDbType.TimestampTz);
            Add(command, row.NotBefore, NpgsqlDbType.TimestampTz);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Due, unsent rows in commit order.</summary>
    public static async Task<List<StoredOutboxMessage>> ReadPendingAsync(ConsumeTransaction transaction, int limit, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand($"""
            SELECT sequence, {Columns} FROM {CoreSchema.OutboxTable}
            WHERE sent_at IS NULL AND (not_before IS NULL OR not_before <= now())
            ORDER BY sequence LIMIT $1
            """);
        command.Parameters.Add(new() { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var messages = new List<StoredOutboxMessage>();
        while (await reader.ReadAsync(cancellationToken))
        {
            messages.Add(new StoredOutboxMessage
            {
                SequenceNumber = reader.GetInt64(0),
                MessageId = reader.GetGuid(1),
                CorrelationId = reader.IsDBNull(2) ? null : reader.GetGuid(2),
                ConversationId = reader.IsDBNull(3) ? null : reader.GetGuid(3),
                InitiatorId = reader.IsDBNull(4) ? null : reader.GetGuid(4),
                RequestId = reader.IsDBNull(5) ? null : reader.GetGuid(5),
                SourceAddress = reader.IsDBNull(6) ? null : new Uri(reader.GetString(6)),
                DestinationAddress = new Uri(reader.GetString(7)),
                ResponseAddress = reader.IsDBNull(8) ? null : new Uri(reader.GetString(8)),
                FaultAddress = reader.IsDBNull(9) ? null : new Uri(reader.GetString(9)),
                ContentType = reader.GetString(10),
                MessageType = reader.GetString(11),
                Headers = StoredOutboxMessage.ReadHeaders(reader.IsDBNull(12) ? null : reader.GetString(12)),
                Properties = StoredOutboxMessage.ReadProperties(reader.IsDBNull(13) ? null : reader.GetString(13)),
                Body = reader.GetString(14),
                SentTime = reader.GetDateTime(15),
                ExpirationTime = reader.IsDBNull(16) ? null : reader.GetDateTime(16),
            });
        }

        return messages;
    }

    public static async Task MarkSentAsync(ConsumeTransaction transaction, IReadOnlyList<long> sequences, CancellationToken cancellationToken)
    {
        await using var command = transaction.CreateCommand(
            $"UPDATE {CoreSchema.OutboxTable} SET sent_at = now() WHERE sequence = ANY($1)");
        command.Parameters.Add(new() { Value = sequences.ToArray() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Forgets sent rows and inbox entries older than the retention; a redelivery that late is no longer deduplicated.</summary>
    public static async Task<int> DeleteExpiredAsync(ConsumeTransaction transaction, TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction.Transaction);
        foreach (var sql in new[]
                 {
                     $"DELETE FROM {CoreSchema.OutboxTable} WHERE sent_at < now() - $1",
                     $"DELETE FROM {CoreSchema.InboxTable} WHERE received_at < now() - $1",
                 })
        {
            var command = new NpgsqlBatchCommand(sql);
            Add(command, retention);
            batch.BatchCommands.Add(command);
        }

        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Add(NpgsqlBatchCommand command, object? value, NpgsqlDbType? type = null)
    {
        var parameter = new NpgsqlParameter { Value = value ?? DBNull.Value };
        if (type is { } dbType)
        {
            parameter.NpgsqlDbType = dbType;
        }

        command.Parameters.Add(parameter);
    }
}
