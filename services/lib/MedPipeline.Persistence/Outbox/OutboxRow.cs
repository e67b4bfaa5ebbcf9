namespace MedPipeline.Persistence.Outbox;

/// <summary>A message captured from a SendContext, as it will be stored: the serialized body plus every header MassTransit needs to re-send it unchanged.</summary>
internal sealed record OutboxRow
{
    public required Guid MessageId { get; init; }
    public Guid? CorrelationId { get; init; }
    public Guid? ConversationId { get; init; }
    public Guid? InitiatorId { get; init; }
    public Guid? RequestId { get; init; }
    public Uri? SourceAddress { get; init; }
    public required Uri DestinationAddress { get; init; }
    public Uri? ResponseAddress { get; init; }
    public Uri? FaultAddress { get; init; }
    public required string ContentType { get; init; }
    public required string MessageType { get; init; }
    public string? Headers { get; init; }
    public string? Properties { get; init; }
    public required string Body { get; init; }
    public required DateTime SentTime { get; init; }
    public DateTime? ExpirationTime { get; init; }
    public DateTime? NotBefore { get; init; }

    /// <summary>A MassTransit Fault&lt;T&gt;: it reports a failed consume, so it must outlive that consume's rollback.</summary>
    public bool IsFault => MessageType.Split(';').Any(t => t.StartsWith("urn:message:MassTransit:Fault[[", StringComparison.Ordinal));
}
