using System.Collections.Concurrent;

namespace MedPipeline.SampleBackend;

/// <summary>Everything received since start, in arrival order, and the series UID first seen per series id.</summary>
public sealed class ReceivedCallbacks
{
    private readonly ConcurrentQueue<ReceivedCallback> _received = new();
    private readonly ConcurrentDictionary<string, string> _uids = new(StringComparer.Ordinal);

    public void Add(ReceivedCallback callback) => _received.Enqueue(callback);

    public IReadOnlyList<ReceivedCallback> All => [.. _received];

    /// <summary>Whether <paramref name="uid"/> is the series UID this series id first arrived with.</summary>
    public bool RemembersUid(string seriesId, string? uid) => uid is not null && _uids.GetOrAdd(seriesId, uid) == uid;
}
