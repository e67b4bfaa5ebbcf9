using System.Collections.Concurrent;

namespace MedPipeline.SampleBackend;

/// <summary>Everything received since start, in arrival order.</summary>
public sealed class ReceivedCallbacks
{
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();

    public void Add(ReceivedCallback callback) => _received.Enqueue(callback);

    public IReadOnlyList<ReceivedCallback> All => [.. _received];
}
