using MassTransit;
using MassTransit.Metadata;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace MedPipeline.Persistence.Outbox;

/// <summary>An outbox row read back for delivery, in the shape MassTransit's OutboxMessageSendPipe re-sends.</summary>
internal sealed class StoredOutboxMessage : OutboxMessageContext
{
    public required long SequenceNumber { get; init; }
    public required Guid MessageId { get; init; }
    public Guid? RequestId { get; init; }
    public Guid? CorrelationId { get; init; }
    public Guid? ConversationId { get; init; }
    public Guid? InitiatorId { get; init; }
    public DateTime? ExpirationTime { get; init; }
    public Uri? SourceAddress { get; init; }
    public required Uri DestinationAddress { get; init; }
    public Uri? ResponseAddress { get; init; }
    public Uri? FaultAddress { get; init; }
    public required DateTime SentTime { get; init; }
    public required string ContentType { get; init; }
    public required string MessageType { get; init; }
    public required string Body { get; init; }
    public required Headers Headers { get; init; }
    public required IReadOnlyDictionary<string, object> Properties { get; init; }

    Guid? MessageContext.MessageId => MessageId;

    DateTime? MessageContext.SentTime => SentTime;

    public HostInfo Host => HostMetadataCache.Host;

    public static Headers ReadHeaders(string? json) =>
        SystemTextJsonMessageSerializer.Instance.DeserializeDictionary<object?>(json) is { } headers
            ? new DictionarySendHeaders(headers)
            : new DictionarySendHeaders();

    public static IReadOnlyDictionary<string, object> ReadProperties(string? json) =>
        SystemTextJsonMessageSerializer.Instance.DeserializeDictionary<object>(json)
        ?? new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
}
