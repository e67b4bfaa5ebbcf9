using MedPipeline.Orchestrator.Saga;
using MedPipeline.Persistence;
using Npgsql;

namespace MedPipeline.Orchestrator.Retention;

/// <summary>
/// Deletes series that ended (Completed, NotSupported, Failed) and have not changed since the cut-off,
/// from the saga table and its status read model in one transaction. A series with a pending timeout
/// (a callback redelivery still due) is kept.
/// </summary>
public static class TerminalSeriesRetention
{
    private static readonly string Sql = $"""
        WITH gone AS (
            DELETE FROM {SeriesStateTable.Name}
            WHERE current_state IN ('Completed', 'NotSupported', 'Failed') AND due_at IS NULL AND updated_at < $1
            RETURNING correlation_id)
        DELETE FROM {SeriesStatusTable.Name} s USING gone WHERE s.correlation_id = gone.correlation_id
        """;

    /// <summary>Returns how many series were deleted.</summary>
    public static async Task<int> DeleteOlderThanAsync(PersistenceDatabase database, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new() { Value = cutoff } } };
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
