using System.Text.Json;
using System.Text.RegularExpressions;
using MassTransit;
using MedPipeline.Persistence.Schema;

namespace MedPipeline.Persistence.Saga;

/// <summary>
/// How one saga type is stored: its table, and the columns extracted from the instance (the whole
/// instance is kept as jsonb). The saga side owns this mapping; the repository stays generic.
/// </summary>
public sealed partial class SagaTableMap<TSaga> : ISagaTableSchema
    where TSaga : class, ISagaVersion
{
    /// <param name="tableName">Lower-case SQL identifier, e.g. "series_state".</param>
    /// <param name="currentState">The state machine's current state, stored as text.</param>
    public SagaTableMap(string tableName, Func<TSaga, string?> currentState)
    {
        ArgumentNullException.ThrowIfNull(currentState);
        if (!Identifier().IsMatch(tableName ?? ""))
        {
            throw new ArgumentException("The saga table name must be a lower-case SQL identifier.", nameof(tableName));
        }

        TableName = tableName!;
        CurrentState = currentState;
    }

    public string TableName { get; }

    public Func<TSaga, string?> CurrentState { get; }

    /// <summary>When the saga must hear something; null when nothing is due. Indexed for the sweeper.</summary>
    public Func<TSaga, DateTimeOffset?> DueAt { get; init; } = static _ => null;

    /// <summary>
    /// The event the sweeper publishes for an instance whose due time passed, or null for none; the
    /// sweeper clears due_at in the same transaction. Without a factory no sweeper runs for this saga.
    /// </summary>
    public Func<TSaga, object?>? TimeoutEvent { get; init; }

    /// <summary>A read model written with every change of a saga row, in the same transaction; none when null.</summary>
    public ISagaReadModel<TSaga>? ReadModel { get; init; }

    IReadOnlyList<Migration> ISagaTableSchema.ReadModelMigrations => ReadModel?.Migrations ?? [];

    public JsonSerializerOptions JsonOptions { get; init; } = new(JsonSerializerDefaults.General);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,50}$")]
    private static partial Regex Identifier();
}
