using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.StatusCallback.Delivery;

namespace MedPipeline.StatusCallback.Consumers;

/// <summary>
/// Delivers one callback and reports how it went, with the attempt it belongs to, so the outcome is
/// recorded on the series (and a superseded attempt's late outcome is not taken for the current one's).
/// </summary>
public sealed class SendSeriesStatusCallbackConsumer(CallbackSender sender) : IConsumer<SendSeriesStatusCallback>
{
    public async Task Consume(ConsumeContext<SendSeriesStatusCallback> context)
    {
        var m = context.Message;
        using var span = MedPipelineTelemetry.StartStage("callback", m.CorrelationId, m.AttemptId);
        var outcome = await sender.SendAsync(m.Organization, m.SeriesId, CallbackResult.Body(m), m.CorrelationId, context.CancellationToken);
        if (outcome.Delivered)
        {
            await context.Publish(new SeriesStatusCallbackDelivered
            {
                CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, SeriesId = m.SeriesId, StatusCode = outcome.StatusCode ?? 0, Attempts = outcome.Attempts,
            });
            return;
        }

        span.Fail("not delivered");
        await context.Publish(new SeriesStatusCallbackFailed
        {
            CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, SeriesId = m.SeriesId, Reason = outcome.Error ?? "not delivered", Attempts = outcome.Attempts, Retryable = outcome.Retryable,
        });
    }
}
