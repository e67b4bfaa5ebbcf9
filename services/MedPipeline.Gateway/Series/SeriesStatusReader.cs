using System.Text.Json;
using Npgsql;

namespace MedPipeline.Gateway.Series;

/// <summary>Reads series state from the orchestrator's table (ConnectionStrings:Orchestrator); an absent table means no series yet.</summary>
public sealed class SeriesStatusReader(NpgsqlDataSource dataSource)
{
    private const string UndefinedTable = "42P01";

    public Task<SeriesStatusRow?> FindAsync(Guid correlationId, CancellationToken cancellationToken) =>
        QueryAsync("SELECT data FROM series_state WHERE correlation_id = $1", [correlationId], cancellationToken);

    /// <summary>By the request's natural key; the study is optional (series UIDs are globally unique).</summary>
    public Task<SeriesStatusRow?> FindAsync(string organization, string seriesInstanceUid, string modelType, string? studyInstanceUid,
        CancellationToken cancellationToken) =>
        QueryAsync("""
            SELECT data FROM series_state
            WHERE data->>'Organization' = $1 AND data->>'SeriesInstanceUid' = $2 AND data->>'ModelType' = $3
              AND ($4::text IS NULL OR data->>'StudyInstanceUid' = $4)
            ORDER BY updated_at DESC LIMIT 1
            """, [organization, seriesInstanceUid, modelType, (object?)studyInstanceUid ?? DBNull.Value], cancellationToken);

    private async Task<SeriesStatusRow?> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value is DBNull ? new NpgsqlParameter { Value = value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text } : new NpgsqlParameter { Value = value });
        }

        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? JsonSerializer.Deserialize<SeriesStatusRow>(reader.GetString(0)) : null;
        }
        catch (PostgresException e) when (e.SqlState == UndefinedTable)
        {
            return null;
        }
    }
}
