using System.Collections.Concurrent;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>What the <see cref="ProbeConsumer"/> does, and what it accepted.</summary>
public sealed class ProbeOutcome
{
    public volatile bool Throw = true;

    public ConcurrentBag<Guid> Consumed { get; } = [];
}
