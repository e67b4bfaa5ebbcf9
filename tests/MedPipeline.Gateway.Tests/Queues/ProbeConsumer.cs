using MassTransit;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>Throws on every command while <see cref="ProbeOutcome.Throw"/> is set, so it lands in <c>_error</c>; else records it.</summary>
public sealed class ProbeConsumer(ProbeOutcome outcome) : IConsumer<QueueProbeCommand>
{
    public Task Consume(ConsumeContext<QueueProbeCommand> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (outcome.Throw)
        {
            throw new InvalidOperationException("probe refused the command");
        }

        outcome.Consumed.Add(context.Message.CorrelationId);
        return Task.CompletedTask;
    }
}
