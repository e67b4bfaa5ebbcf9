using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Hosting.Tests;

/// <summary>Completes <see cref="Received"/> with the first message it consumes.</summary>
public sealed class TimeoutProbe : IConsumer<SeriesStageTimedOut>
{
    public TaskCompletionSource<SeriesStageTimedOut> Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Consume(ConsumeContext<SeriesStageTimedOut> context)
    {
        Received.TrySetResult(context.Message);
        return Task.CompletedTask;
    }
}

/// <summary>Endpoint tuning as a worker's definition does it: the shared retry policy and a quorum queue.</summary>
public sealed class TimeoutProbeDefinition() : WorkerConsumerDefinition<TimeoutProbe>;
