using MassTransit;
using MassTransit.Context;
using MassTransit.Middleware.Outbox;

namespace MedPipeline.Persistence.Outbox;

/// <summary>
/// The consume context the consumer or saga sees: every Publish/Send (including a state machine's
/// .Publish/.Send activities) goes to <see cref="OutboxCapture"/> instead of the broker, and the
/// message's <see cref="ConsumeTransaction"/> is reachable as a payload.
/// </summary>
internal sealed class OutboxConsumeContext<TMessage> : ConsumeContextProxy<TMessage>
    where TMessage : class
{
    public OutboxConsumeContext(ConsumeContext<TMessage> context, OutboxCapture capture, ConsumeTransaction transaction)
        : base(context)
    {
        var receiveContext = new OutboxReceiveContext(capture, context.ReceiveContext);
        ReceiveContext = receiveContext;
        PublishEndpointProvider = receiveContext.PublishEndpointProvider;
        GetOrAddPayload(() => transaction);
    }
}
