using MedPipeline.Gateway.Series;
using Npgsql;
using NpgsqlTypes;

namespace MedPipeline.Gateway.Similar;

/// <summary>
/// The similar-case search's reads of the status read model (as the gateway's read-only role): the rows of one
/// organization and model type changed since a watermark, and the current rows of the candidates found.
/// </summary>
public sealed class SimilarCaseReader(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A transaction stamps updated_at when it starts, so one that commits late can carry a time just behind the watermark:
    /// rows this much older are read again (applying a row twice changes nothing).
    /// </summary>
    internal static readonly TimeSpan Lookback = TimeSpan.FromSeconds(30);

    /// <summary>Rows changed since <paramref name="watermark"/>; the first load (null) reads only searchable rows.</summary>
    public async Task<IReadOnlyList<EmbeddingRow>> ChangedSinceAsync(string organization, string modelType, DateTimeOffset? watermark,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT correlation_id, CASE WHEN status = 'completed' THEN embedding END, embedding_model, finished_at, updated_at
            FROM medpipe_read.series_status
            WHERE organization = $1 AND model_type = $2
              AND ($3::timestamptz IS NULL AND embedding IS NOT NULL OR updated_at > $3::timestamptz - $4::interval)
            """);
        command.Parameters.Add(new() { Value = organization, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = modelType, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = watermark?.ToUniversalTime() ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new() { Value = Lookback, NpgsqlDbType = NpgsqlDbType.Interval });
        var rows = new List<EmbeddingRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadEmbedding(reader));
        }

        return rows;
    }

    /// <summary>The organizations and model types that have searchable series (what the start-up preload loads).</summary>
    public async Task<IReadOnlyList<(string Organization, string ModelType)>> SearchableKindsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT DISTINCT organization, model_type FROM medpipe_read.series_status WHERE embedding IS NOT NULL");
        var kinds = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            kinds.Add((reader.GetString(0), reader.GetString(1)));
        }

        return kinds;
    }

    /// <summary>The series' own embedding row (null when the read model has no such series).</summary>
    public async Task<EmbeddingRow?> EmbeddingOfAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT correlation_id, CASE WHEN status = 'completed' THEN embedding END, embedding_model, finished_at, updated_at
            FROM medpipe_read.series_status WHERE correlation_id = $1
            """);
        command.Parameters.Add(new() { Value = correlationId, NpgsqlDbType = NpgsqlDbType.Uuid });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadEmbedding(reader) : null;
    }

    /// <summary>The current rows of <paramref name="ids"/> that are still completed (a candidate may have been rerun or deleted).</summary>
    public async Task<IReadOnlyDictionary<Guid, SeriesStatusRow>> CompletedRowsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {SeriesStatusReader.Columns} FROM medpipe_read.series_status WHERE correlation_id = ANY($1) AND status = 'completed'");
        command.Parameters.Add(new() { Value = ids.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        var rows = new Dictionary<Guid, SeriesStatusRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = SeriesStatusReader.Read(reader);
            rows[row.CorrelationId] = row;
        }

        return rows;
    }

    private static EmbeddingRow ReadEmbedding(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.IsDBNull(1) ? null : r.GetFieldValue<float[]>(1), r.IsDBNull(2) ? null : r.GetString(2),
            r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3), r.GetFieldValue<DateTimeOffset>(4));
}
