using MedPipeline.Orchestrator.Options;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Persistence;
using Npgsql;

namespace MedPipeline.Orchestrator.Metrics;

/// <summary>
/// Counts series in the status read model (<see cref="SeriesStatusTable"/>), which the orchestrator owns.
/// A stage's start is the time its predecessor ended (received, unpacked, preprocessed): that is when the
/// saga set the stage's due time. The cut-offs are computed here from the saga's clock, not the database's.
/// </summary>
public sealed class SeriesCountsQuery(PersistenceDatabase database)
{
    private const string ByState = $"SELECT state, organization, count(*) FROM {SeriesStatusTable.Name} GROUP BY state, organization";

    private const string Stuck = $"""
        SELECT stage, count(*) FROM {SeriesStatusTable.Name}
        WHERE state NOT IN ('Completed', 'NotSupported', 'Failed')
          AND ((stage = 'Unpack' AND received_at < $1) OR (stage = 'Preprocess' AND unpacked_at < $2) OR (stage = 'Inference' AND preprocessed_at < $3))
        GROUP BY stage
        """;

    /// <summary>The stages whose timeout the saga enforces, so the ones a series can be stuck in.</summary>
    public static IReadOnlyList<SeriesStage> TimedStages { get; } = [SeriesStage.Unpack, SeriesStage.Preprocess, SeriesStage.Inference];

    public async Task<SeriesCounts> ReadAsync(DateTimeOffset now, StageTimeouts timeouts, int stuckAfterTimeouts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeouts);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        var byState = new List<SeriesCount>();
        await using (var command = new NpgsqlCommand(ByState, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byState.Add(new SeriesCount(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
            }
        }

        var stuck = TimedStages.ToDictionary(stage => stage.ToString(), _ => 0L);
        await using (var command = new NpgsqlCommand(Stuck, connection))
        {
            foreach (var timeout in new[] { timeouts.Unpack, timeouts.Preprocess, timeouts.Inference })
            {
                command.Parameters.Add(new NpgsqlParameter { Value = (now - (stuckAfterTimeouts * timeout)).UtcDateTime });
            }

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                stuck[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return new SeriesCounts(byState, stuck);
    }
}
