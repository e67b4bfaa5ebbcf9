using MedPipeline.Gateway.Series;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Gateway.Admin;

/// <summary>The read model's answer to "may this series be rerun or cancelled?" (medpipe_read.series_status, SELECT only).</summary>
public sealed class SeriesActionTargetReader(NpgsqlDataSource dataSource)
{
    private const string One = "SELECT organization, state, archive_key FROM medpipe_read.series_status WHERE correlation_id = $1";

    /// <summary>The series, or null when it does not exist (or no series table exists yet).</summary>
    public async Task<SeriesActionTarget?> FindAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(One);
        command.Parameters.Add(new() { Value = correlationId, NpgsqlDbType = NpgsqlDbType.Uuid });
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken)
                ? new SeriesActionTarget(correlationId, reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
                : null;
        }
        catch (PostgresException e) when (e.SqlState is SeriesStatusReader.UndefinedTableState or SeriesStatusReader.UndefinedSchemaState)
        {
            return null;
        }
    }
}
