namespace MedPipeline.Gateway.Admin.Queues;

/// <summary>
/// What the operations API shows of a message in a failure queue: ids, message type and the fault MassTransit (or
/// RabbitMQ's dead-lettering) wrote into its headers. Never the body: it may carry series UIDs.
/// </summary>
public sealed record FailedMessage(
    string? MessageId,
    string? CorrelationId,
    string? MessageType,
    string? Reason,
    string? ExceptionType,
    string? FaultMessage,
    DateTimeOffset? FaultedAt,
    string? DeathReason);
