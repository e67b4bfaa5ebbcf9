using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Messaging;

namespace MedPipeline.Hosting.Tests;

/// <summary>A worker-like consumer whose queue the poison-message test declares; the test takes the messages itself.</summary>
public sealed class PoisonProbe : IConsumer<SeriesStageTimedOut>
{
    public Task Consume(ConsumeContext<SeriesStageTimedOut> context) => Task.CompletedTask;
}

/// <summary>The shared worker definition, on a queue of its own.</summary>
public sealed class PoisonProbeDefinition : WorkerConsumerDefinition<PoisonProbe>
{
    public const string Queue = "poison-probe";

    public PoisonProbeDefinition() => EndpointName = Queue;
}
