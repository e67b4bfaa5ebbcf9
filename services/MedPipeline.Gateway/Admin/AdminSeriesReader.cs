using MedPipeline.Gateway.Series;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// The operations view of the status read model (medpipe_read.series_status, SELECT only, as the gateway's
/// role): pages of series by state, organization, model type, last change and being stuck, newest change first.
/// An absent table or schema means no series yet.
/// </summary>
public sealed class AdminSeriesReader(NpgsqlDataSource dataSource)
{
    // Each filter is off when its parameter is null, so one statement (and one plan) serves every combination.
    private const string List = $"""
        SELECT {SeriesStatusReader.Columns}
        FROM medpipe_read.series_status
        WHERE ($1::text[] IS NULL OR organization = ANY($1))
          AND (cardinality($2::text[]) = 0 OR state = ANY($2))
          AND ($3::text IS NULL OR model_type = $3)
          AND ($4::timestamptz IS NULL OR updated_at < $4)
          AND ($5::timestamptz IS NULL OR updated_at > $5)
          AND ($6::timestamptz IS NULL OR (updated_at, correlation_id) < ($6, $7))
          AND ($9::timestamptz IS NULL OR (state NOT IN ('Completed', 'NotSupported', 'Failed')
               AND ((stage = 'Unpack' AND received_at < $9) OR (stage = 'Preprocess' AND unpacked_at < $10) OR (stage = 'Inference' AND preprocessed_at < $11))))
        ORDER BY updated_at DESC, correlation_id DESC
        LIMIT $8
        """;

    private const string One = $"SELECT {SeriesStatusReader.Columns} FROM medpipe_read.series_status WHERE correlation_id = $1";

    /// <summary>One page, and the cursor of the next one (null on the last page).</summary>
    public async Task<(IReadOnlyList<SeriesStatusRow> Items, SeriesCursor? Next)> ListAsync(AdminSeriesQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(List);
        command.Parameters.Add(new() { Value = (object?)query.Organizations ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = query.States, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.ModelType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)query.ChangedBefore?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)query.ChangedAfter?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = (object?)query.After?.UpdatedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = query.After?.CorrelationId ?? Guid.Empty, NpgsqlDbType = NpgsqlDbType.Uuid });
        // One row more than asked says whether another page follows.
        command.Parameters.Add(new() { Value = query.Limit + 1, NpgsqlDbType = NpgsqlDbType.Integer });
        foreach (var cutoff in new[] { query.Stuck?.UnpackStartedBefore, query.Stuck?.PreprocessStartedBefore, query.Stuck?.InferenceStartedBefore })
        {
            command.Parameters.Add(new() { Value = (object?)cutoff?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        var rows = await ReadAllAsync(command, cancellationToken);
        if (rows.Count <= query.Limit)
        {
            return (rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        return (rows, SeriesCursor.After(last.UpdatedAt ?? DateTimeOffset.UnixEpoch, last.CorrelationId));
    }

    public async Task<SeriesStatusRow?> FindAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(One);
        command.Parameters.Add(new() { Value = correlationId, NpgsqlDbType = NpgsqlDbType.Uuid });
        var rows = await ReadAllAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<List<SeriesStatusRow>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<SeriesStatusRow>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(SeriesStatusReader.Read(reader));
            }
        }
        catch (PostgresException e) when (e.SqlState is SeriesStatusReader.UndefinedTableState or SeriesStatusReader.UndefinedSchemaState)
        {
            return [];
        }

        return rows;
    }
}
