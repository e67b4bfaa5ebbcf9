using MedPipeline.Persistence.Schema;

namespace MedPipeline.Persistence.Saga;

/// <summary>
/// A read model the saga's owner keeps for others to query (e.g. a status table): written in the
/// transaction that inserts, updates or deletes the saga row, so it commits or rolls back with the
/// saga's state, its inbox row and its outbox messages, and never shows a state the saga did not reach.
/// </summary>
public interface ISagaReadModel<in TSaga>
    where TSaga : class
{
    /// <summary>Forward-only steps creating (and back-filling) the read model's tables; applied after the saga table's own.</summary>
    IReadOnlyList<Migration> Migrations { get; }

    /// <summary>Inserts or replaces the read model's row(s) of <paramref name="saga"/>.</summary>
    Task WriteAsync(ConsumeTransaction transaction, TSaga saga, CancellationToken cancellationToken);

    Task DeleteAsync(ConsumeTransaction transaction, TSaga saga, CancellationToken cancellationToken);
}
