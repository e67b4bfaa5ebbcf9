using System.Collections.Concurrent;

namespace MedPipeline.SampleBackend;

/// <summary>
/// Everything received since start, in arrival order, and the series UID first seen per series id. A reader can ask
/// for what arrived after the callbacks it has already seen, and wait for the next one instead of polling.
/// </summary>
public sealed class ReceivedCallbacks
{
    private readonly List<ReceivedCallback> _received = [];
    private readonly ConcurrentDictionary<string, string> _uids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = NewSignal();

    public void Add(ReceivedCallback callback)
    {
        TaskCompletionSource arrived;
        lock (_gate)
        {
            _received.Add(callback);
            arrived = _arrived;
            _arrived = NewSignal();
        }

        arrived.SetResult();
    }

    public IReadOnlyList<ReceivedCallback> All => After(0);

    /// <summary>The callbacks after the first <paramref name="seen"/>, in arrival order.</summary>
    public IReadOnlyList<ReceivedCallback> After(int seen)
    {
        lock (_gate)
        {
            return seen >= _received.Count ? [] : _received[Math.Max(seen, 0)..];
        }
    }

    /// <summary>
    /// As <see cref="After"/>, but when nothing newer has arrived yet, waits up to <paramref name="wait"/> for the next
    /// callback (an empty list when none came).
    /// </summary>
    public async Task<IReadOnlyList<ReceivedCallback>> AfterAsync(int seen, TimeSpan wait, CancellationToken cancellationToken)
    {
        Task arrived;
        lock (_gate)
        {
            if (seen < _received.Count)
            {
                return _received[Math.Max(seen, 0)..];
            }

            arrived = _arrived.Task;
        }

        try
        {
            await arrived.WaitAsync(wait, cancellationToken);
        }
        catch (TimeoutException)
        {
            return [];
        }

        return After(seen);
    }

    /// <summary>Whether <paramref name="uid"/> is the series UID this series id first arrived with.</summary>
    public bool RemembersUid(string seriesId, string? uid) => uid is not null && _uids.GetOrAdd(seriesId, uid) == uid;

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
