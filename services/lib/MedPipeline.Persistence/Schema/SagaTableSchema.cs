namespace MedPipeline.Persistence.Schema;

/// <summary>The DDL of one saga table: extracted columns for queries, the whole instance as jsonb.</summary>
internal static class SagaTableSchema
{
    public static Migration For(string table) => new($"saga:{table}", 1, $"""
        CREATE TABLE IF NOT EXISTS {table} (
            correlation_id uuid PRIMARY KEY,
            current_state text NOT NULL,
            version integer NOT NULL,
            due_at timestamptz NULL,
            data jsonb NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX IF NOT EXISTS {table}_due_at ON {table} (due_at) WHERE due_at IS NOT NULL;
        CREATE INDEX IF NOT EXISTS {table}_current_state ON {table} (current_state);
        """);
}
