using System.Diagnostics;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Orchestrator.Validation;

/// <summary>
/// Sits on the saga's <see cref="PredictSeries"/> pipe before the inbox/outbox transaction and the saga
/// repository: a command that fails <see cref="PredictSeriesValidation"/> is audited and acknowledged without
/// going further, so no saga row is created, nothing is published and no callback is sent to anybody.
/// </summary>
public sealed class PredictSeriesValidationFilter(PredictSeriesValidation validation, PredictSeriesAudit audit, string? endpointExchange)
    : IFilter<ConsumeContext<PredictSeries>>
{
    /// <summary>
    /// Puts the filter in front of the saga (the product's definition and the tests call this). With
    /// <paramref name="endpointExchange"/> (RabbitMQ: see <see cref="PredictSeriesIngress"/>) the exchange each command
    /// was published to must allow its organization (<see cref="PredictSeriesPublisher"/>).
    /// </summary>
    public static void AddTo(ISagaConfigurator<SeriesState> saga, IServiceProvider services, string? endpointExchange = null)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var filter = new PredictSeriesValidationFilter(services.GetRequiredService<PredictSeriesValidation>(), services.GetRequiredService<PredictSeriesAudit>(),
            endpointExchange);
        saga.Message<PredictSeries>(m => m.UseFilter(filter));
    }

    public async Task Send(ConsumeContext<PredictSeries> context, IPipe<ConsumeContext<PredictSeries>> next)
    {
        var started = Stopwatch.GetTimestamp();
        if ((validation.ReasonToReject(context.Message) ?? PublisherReason(context)) is not { } reason)
        {
            await next.Send(context);
            return;
        }

        audit.Rejected(context.Message.CorrelationId, context.Message.Organization ?? "(none)", reason);
        // Consumed, not skipped: a forged command must not wait in a _skipped queue to be replayed.
        await context.NotifyConsumed(context, Stopwatch.GetElapsedTime(started), nameof(PredictSeriesValidationFilter));
    }

    private string? PublisherReason(ConsumeContext<PredictSeries> context)
    {
        if (endpointExchange is null)
        {
            return null;
        }

        return context.TryGetPayload(out RabbitMqBasicConsumeContext? delivery)
            ? PredictSeriesPublisher.ReasonToReject(delivery.Exchange, endpointExchange, context.Message.Organization)
            : "the command did not arrive as a broker delivery, so its publisher is unknown";
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("predictSeriesValidation");
}
