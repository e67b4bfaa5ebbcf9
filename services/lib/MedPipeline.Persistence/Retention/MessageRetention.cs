using MedPipeline.Persistence.Schema;

namespace MedPipeline.Persistence.Retention;

/// <summary>
/// Deletes inbox rows (the duplicate-detection memory) and delivered outbox rows older than a cut-off.
/// An outbox row not yet delivered is kept whatever its age: deleting it would lose a message.
/// </summary>
public static class MessageRetention
{
    /// <summary>Returns how many inbox and outbox rows were deleted.</summary>
    public static async Task<(int Inbox, int Outbox)> DeleteOlderThanAsync(PersistenceDatabase database, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var inbox = new Npgsql.NpgsqlCommand($"DELETE FROM {CoreSchema.InboxTable} WHERE received_at < $1", connection) { Parameters = { new() { Value = cutoff } } };
        var inboxRows = await inbox.ExecuteNonQueryAsync(cancellationToken);
        await using var outbox = new Npgsql.NpgsqlCommand($"DELETE FROM {CoreSchema.OutboxTable} WHERE sent_at IS NOT NULL AND sent_at < $1", connection)
        {
            Parameters = { new() { Value = cutoff } },
        };
        return (inboxRows, await outbox.ExecuteNonQueryAsync(cancellationToken));
    }
}
