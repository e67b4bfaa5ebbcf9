using MedPipeline.Gateway.Series;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// Operations statistics from medpipe_read.series_status (SELECT only), computed in SQL: series per organization and
/// state changed within the last hour and day, failed callback deliveries per organization, and stage latency
/// percentiles (percentile_cont over the stage timestamps of the last day's series). Windows use the database's clock,
/// the one that wrote updated_at. $1 limits to organizations (null: all).
/// </summary>
public sealed class AdminStatsReader(NpgsqlDataSource dataSource)
{
    private const string Visible = "($1::text[] IS NULL OR organization = ANY($1)) AND updated_at > now() - interval '1 day'";

    private const string States = $"""
        SELECT organization, state, count(*) FILTER (WHERE updated_at > now() - interval '1 hour'), count(*)
        FROM medpipe_read.series_status WHERE {Visible}
        GROUP BY organization, state ORDER BY organization, state
        """;

    // callbacks holds each backend series id's last delivery outcome; "failed after …" is a failure (redelivery pending or given up).
    private const string CallbackFailures = $"""
        SELECT organization, count(*) FILTER (WHERE updated_at > now() - interval '1 hour'), count(*)
        FROM medpipe_read.series_status CROSS JOIN LATERAL jsonb_each_text(callbacks) AS callback(series_id, outcome)
        WHERE {Visible} AND callback.outcome LIKE 'failed%'
        GROUP BY organization ORDER BY organization
        """;

    private const string Latencies = $"""
        SELECT stage.name, count(*),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM stage.ended - stage.started) * 1000),
            percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM stage.ended - stage.started) * 1000)
        FROM medpipe_read.series_status CROSS JOIN LATERAL (VALUES
            (1, 'queued', received_at, unpacking_started_at), (2, 'unpack', unpacking_started_at, unpacked_at),
            (3, 'preprocess', unpacked_at, preprocessed_at), (4, 'inference', preprocessed_at, inferred_at),
            (5, 'total', received_at, finished_at)) AS stage(position, name, started, ended)
        WHERE {Visible} AND stage.started IS NOT NULL AND stage.ended IS NOT NULL
        GROUP BY stage.position, stage.name ORDER BY stage.position
        """;

    public async Task<AdminStats> ReadAsync(string[]? organizations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var states = await ReadAsync(connection, States, organizations, r => new SeriesStateCount(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3)), cancellationToken);
            var failures = await ReadAsync(connection, CallbackFailures, organizations, r => new CallbackFailureCount(r.GetString(0), r.GetInt64(1), r.GetInt64(2)), cancellationToken);
            var latencies = await ReadAsync(connection, Latencies, organizations,
                r => new StageLatency(r.GetString(0), r.GetInt64(1), Math.Round(r.GetDouble(2), 1), Math.Round(r.GetDouble(3), 1)), cancellationToken);
            return new AdminStats(DateTimeOffset.UtcNow, states, failures, latencies);
        }
        catch (PostgresException e) when (e.SqlState is SeriesStatusReader.UndefinedTableState or SeriesStatusReader.UndefinedSchemaState)
        {
            return new AdminStats(DateTimeOffset.UtcNow, [], [], []);
        }
    }

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, string[]? organizations, Func<NpgsqlDataReader, T> row,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new() { Value = (object?)organizations ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(row(reader));
        }

        return rows;
    }
}
