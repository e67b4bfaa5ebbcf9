using MassTransit;

namespace MedPipeline.Persistence.Tests.Probe;

/// <summary>A plain consumer without an inbox: it counts every delivery, so duplicates would show.</summary>
public sealed class RecordingConsumer(DeliveryLog log) :
    IConsumer<ProbeStarted>, IConsumer<ProbeBumped>, IConsumer<ProbeExpired>, IConsumer<Fault<ExplodeProbe>>
{
    public Task Consume(ConsumeContext<ProbeStarted> context)
    {
        log.Record(nameof(ProbeStarted), context.Message.CorrelationId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ProbeBumped> context)
    {
        log.Record(nameof(ProbeBumped), context.Message.CorrelationId, context.Message.Counter);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<ProbeExpired> context)
    {
        log.Record(nameof(ProbeExpired), context.Message.CorrelationId);
        return Task.CompletedTask;
    }

    public Task Consume(ConsumeContext<Fault<ExplodeProbe>> context)
    {
        log.Record("explode-fault", context.Message.Message.CorrelationId);
        return Task.CompletedTask;
    }
}
