using Microsoft.Extensions.Logging;

namespace MedPipeline.Persistence;

/// <summary>Source-generated log messages of this library; ids and table names only, never patient data.</summary>
internal static partial class PersistenceLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Schema step {Component} v{Version} applied")]
    public static partial void SchemaStepApplied(this ILogger logger, string component, int version);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information,
        Message = "Message {MessageId} (correlation {CorrelationId}) was already consumed by {ConsumerId}; acknowledged without consuming")]
    public static partial void DuplicateSkipped(this ILogger logger, Guid messageId, Guid? correlationId, string consumerId);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Debug, Message = "Relayed {Count} outbox messages up to sequence {Sequence}")]
    public static partial void RelayedMessages(this ILogger logger, int count, long sequence);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning, Message = "Outbox relay pass failed; retrying at the next poll")]
    public static partial void RelayFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information, Message = "Deleted {Count} expired outbox/inbox rows")]
    public static partial void ExpiredRowsDeleted(this ILogger logger, int count);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Information, Message = "Timeout of {CorrelationId} in {Table} fired as {EventType}")]
    public static partial void TimeoutFired(this ILogger logger, Guid correlationId, string table, string eventType);

    [LoggerMessage(EventId = 8007, Level = LogLevel.Warning, Message = "Timeout sweep of {Table} failed; retrying at the next interval")]
    public static partial void SweepFailed(this ILogger logger, Exception exception, string table);

    [LoggerMessage(EventId = 8008, Level = LogLevel.Information, Message = "Outbox relay disabled in this process (Persistence:RunRelay=false)")]
    public static partial void RelayDisabled(this ILogger logger);

    [LoggerMessage(EventId = 8009, Level = LogLevel.Warning,
        Message = "Outbox message {MessageId} (correlation {CorrelationId}) expired before it could be relayed; dropped")]
    public static partial void ExpiredMessageDropped(this ILogger logger, Guid messageId, Guid? correlationId);
}
