using System.Collections.Concurrent;

namespace MedPipeline.Persistence.Tests.Probe;

/// <summary>What the consumers and the saga saw, shared by every bus of one test.</summary>
public sealed class DeliveryLog
{
    private readonly ConcurrentQueue<(string Kind, Guid CorrelationId, int Value)> _entries = new();

    public void Record(string kind, Guid correlationId, int value = 0) => _entries.Enqueue((kind, correlationId, value));

    public int Count(string kind, Guid correlationId) =>
        _entries.Count(e => e.Kind == kind && e.CorrelationId == correlationId);

    public int[] Values(string kind, Guid correlationId) =>
        [.. _entries.Where(e => e.Kind == kind && e.CorrelationId == correlationId).Select(e => e.Value).Order()];
}
