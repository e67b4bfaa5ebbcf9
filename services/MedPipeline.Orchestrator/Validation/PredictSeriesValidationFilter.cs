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
public sealed class PredictSeriesValidationFilter(PredictSeriesValidation validation, PredictSeriesAudit audit) : IFilter<ConsumeContext<PredictSeries>>
{
    /// <summary>Puts the filter in front of the saga (the product's definition and the tests call this).</summary>
    public static void AddTo(ISagaConfigurator<SeriesState> saga, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(saga);
        var filter = new PredictSeriesValidationFilter(services.GetRequiredService<PredictSeriesValidation>(), services.GetRequiredService<PredictSeriesAudit>());
        saga.Message<PredictSeries>(m => m.UseFilter(filter));
    }

    public async Task Send(ConsumeContext<PredictSeries> context, IPipe<ConsumeContext<PredictSeries>> next)
    {
        var started = Stopwatch.GetTimestamp();
        if (validation.ReasonToReject(context.Message) is not { } reason)
        {
            await next.Send(context);
            return;
        }

        audit.Rejected(context.Message.CorrelationId, context.Message.Organization ?? "(none)", reason);
        // Consumed, not skipped: a forged command must not wait in a _skipped queue to be replayed.
        await context.NotifyConsumed(context, Stopwatch.GetElapsedTime(started), nameof(PredictSeriesValidationFilter));
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("predictSeriesValidation");
}
