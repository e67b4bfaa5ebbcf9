using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware;
using MassTransit.Serialization;

namespace MedPipeline.Persistence.Outbox;

/// <summary>
/// Receives the SendContexts that MassTransit's outbox send endpoints produce instead of sending,
/// and keeps them as rows to insert in the current transaction. Once that transaction has ended,
/// later sends (a Fault published when the retry policy gives up) are stored on their own.
/// </summary>
internal sealed class OutboxCapture(IServiceProvider? services) : OutboxSendContext
{
    private readonly List<OutboxRow> _rows = [];
    private Func<OutboxRow, CancellationToken, Task>? _storeAlone;

    public IReadOnlyList<OutboxRow> Rows => _rows;

    public object? GetService(Type serviceType) => services?.GetService(serviceType);

    /// <summary>From now on each captured message is handed to <paramref name="storeAlone"/> instead of being kept.</summary>
    public void EndTransaction(Func<OutboxRow, CancellationToken, Task> storeAlone) => _storeAlone = storeAlone;

    public Task AddSend<T>(SendContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId ?? throw new MessageException(typeof(T), "An outbox message needs a MessageId.");
        var destination = context.DestinationAddress
            ?? throw new MessageException(typeof(T), "An outbox message needs a DestinationAddress.");
        var now = DateTime.UtcNow;
        var serializer = SystemTextJsonMessageSerializer.Instance;
        string? properties = null;
        if (context is TransportSendContext<T> transportContext)
        {
            var values = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
            transportContext.WritePropertiesTo(values);
            properties = serializer.SerializeDictionary(values);
        }

        var row = new OutboxRow
        {
            MessageId = messageId,
            CorrelationId = context.CorrelationId,
            ConversationId = context.ConversationId,
            InitiatorId = context.InitiatorId,
            RequestId = context.RequestId,
            SourceAddress = context.SourceAddress,
            DestinationAddress = destination,
            ResponseAddress = context.ResponseAddress,
            FaultAddress = context.FaultAddress,
            ContentType = context.ContentType?.ToString() ?? context.Serialization.DefaultContentType.ToString(),
            MessageType = string.Join(";", context.SupportedMessageTypes),
            Headers = serializer.SerializeDictionary(context.Headers.GetAll()),
            Properties = properties,
            Body = context.Serializer.GetMessageBody(context).GetString(),
            SentTime = context.SentTime ?? now,
            ExpirationTime = now + context.TimeToLive,
            // RabbitMQ here has no delayed exchange: a delayed send waits in the outbox instead.
            NotBefore = now + context.Delay,
        };
        if (_storeAlone is { } storeAlone)
        {
            return storeAlone(row, context.CancellationToken);
        }

        _rows.Add(row);
        return Task.CompletedTask;
    }
}
