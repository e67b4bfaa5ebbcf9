using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.StatusCallback.Delivery;
using Microsoft.Extensions.Logging;

namespace MedPipeline.StatusCallback.Consumers;

/// <summary>
/// Delivers one callback and reports how it went, with the attempt it belongs to, so the outcome is
/// recorded on the series (and a superseded attempt's late outcome is not taken for the current one's).
/// A command that was delivered before (its receipt is in the store) is reported again, not PUT again.
/// </summary>
public sealed partial class SendSeriesStatusCallbackConsumer(
    CallbackSender sender, CallbackReceipts receipts, CallbacksInFlight inFlight, ILogger<SendSeriesStatusCallbackConsumer> logger)
    : IConsumer<SendSeriesStatusCallback>
{
    public async Task Consume(ConsumeContext<SendSeriesStatusCallback> context)
    {
        var m = context.Message;
        using var span = MedPipelineTelemetry.StartStage("callback", m.CorrelationId, m.AttemptId);
        using var alone = await inFlight.EnterAsync(m.CallbackId, context.CancellationToken);
        if (await receipts.FindAsync(m.CallbackId, context.CancellationToken) is { } receipt)
        {
            LogAlreadyDelivered(m.CorrelationId, m.CallbackId, receipt.DeliveredAt);
            await PublishDeliveredAsync(context, receipt.StatusCode, receipt.Attempts);
            return;
        }

        var outcome = await sender.SendAsync(m.Organization, m.SeriesId, CallbackResult.Body(m), m.CorrelationId, m.CallbackId, context.CancellationToken);
        if (outcome.Delivered)
        {
            // Not cancellable: the backend has the callback, so its receipt must be kept even while the worker stops.
            await receipts.RecordAsync(m.CallbackId, outcome.StatusCode ?? 0, outcome.Attempts, CancellationToken.None);
            await PublishDeliveredAsync(context, outcome.StatusCode ?? 0, outcome.Attempts);
            return;
        }

        span.Fail("not delivered");
        await context.Publish(new SeriesStatusCallbackFailed
        {
            CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, SeriesId = m.SeriesId, Reason = outcome.Error ?? "not delivered", Attempts = outcome.Attempts, Retryable = outcome.Retryable,
        });
    }

    private static Task PublishDeliveredAsync(ConsumeContext<SendSeriesStatusCallback> context, int statusCode, int attempts) =>
        context.Publish(new SeriesStatusCallbackDelivered
        {
            CorrelationId = context.Message.CorrelationId, AttemptId = context.Message.AttemptId, SeriesId = context.Message.SeriesId, StatusCode = statusCode, Attempts = attempts,
        });

    [LoggerMessage(EventId = 6003, Level = LogLevel.Information, Message = "Callback {CallbackId} for series {CorrelationId} was delivered at {DeliveredAt:o}; reported again without sending it twice")]
    private partial void LogAlreadyDelivered(Guid correlationId, Guid callbackId, DateTimeOffset deliveredAt);
}
