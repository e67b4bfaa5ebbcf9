namespace MedPipeline.Persistence.Schema;

/// <summary>The outbox and inbox tables every orchestrator shares.</summary>
internal static class CoreSchema
{
    public const string OutboxTable = "mp_outbox";
    public const string InboxTable = "mp_inbox";

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new("core", 1, $"""
            CREATE TABLE IF NOT EXISTS {OutboxTable} (
                sequence bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                message_id uuid NOT NULL,
                correlation_id uuid NULL,
                conversation_id uuid NULL,
                initiator_id uuid NULL,
                request_id uuid NULL,
                source_address text NULL,
                destination_address text NOT NULL,
                response_address text NULL,
                fault_address text NULL,
                content_type text NOT NULL,
                message_type text NOT NULL,
                headers jsonb NULL,
                properties jsonb NULL,
                body text NOT NULL,
                sent_time timestamptz NOT NULL,
                expiration_time timestamptz NULL,
                not_before timestamptz NULL,
                created_at timestamptz NOT NULL DEFAULT now(),
                sent_at timestamptz NULL);
            CREATE INDEX IF NOT EXISTS {OutboxTable}_pending ON {OutboxTable} (sequence) WHERE sent_at IS NULL;
            CREATE INDEX IF NOT EXISTS {OutboxTable}_sent_at ON {OutboxTable} (sent_at) WHERE sent_at IS NOT NULL;
            CREATE TABLE IF NOT EXISTS {InboxTable} (
                message_id uuid NOT NULL,
                consumer_id text NOT NULL,
                received_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (message_id, consumer_id));
            CREATE INDEX IF NOT EXISTS {InboxTable}_received_at ON {InboxTable} (received_at);
            """),
    ];
}
