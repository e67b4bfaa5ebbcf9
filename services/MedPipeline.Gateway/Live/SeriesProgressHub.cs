using System.Collections.Concurrent;
using System.Threading.Channels;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// Hands what the broker says about a series to the live streams watching it, and remembers each running
/// series' latest progress for a while, so a stream that opens mid-way starts where the series is.
/// </summary>
public sealed class SeriesProgressHub(TimeProvider time)
{
    /// <summary>How long the latest progress of a series is kept after its last notice (a series normally ends well within it).</summary>
    public static readonly TimeSpan RememberFor = TimeSpan.FromMinutes(30);

    private const int MaxRemembered = 10_000;
    private const int QueuedPerStream = 64;

    private readonly Dictionary<Guid, List<Channel<SeriesProgressNotice>>> _streams = [];
    private readonly ConcurrentDictionary<Guid, (SeriesProgressNotice Notice, DateTimeOffset At)> _latest = new();

    /// <summary>Notices of <paramref name="correlationId"/> from now on, until the subscription is disposed.</summary>
    public SeriesProgressSubscription Subscribe(Guid correlationId)
    {
        // A slow reader loses old progress, never the end: the newest notice is always kept.
        var channel = Channel.CreateBounded<SeriesProgressNotice>(new BoundedChannelOptions(QueuedPerStream)
        {
            FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true,
        });
        lock (_streams)
        {
            if (!_streams.TryGetValue(correlationId, out var list))
            {
                _streams[correlationId] = list = [];
            }

            list.Add(channel);
        }

        return new SeriesProgressSubscription(channel.Reader, () => Unsubscribe(correlationId, channel));
    }

    public void Publish(Guid correlationId, SeriesProgressNotice notice)
    {
        Remember(correlationId, notice);
        Channel<SeriesProgressNotice>[] targets;
        lock (_streams)
        {
            targets = _streams.TryGetValue(correlationId, out var list) ? [.. list] : [];
        }

        foreach (var channel in targets)
        {
            channel.Writer.TryWrite(notice);
        }
    }

    /// <summary>The latest progress of a running series this gateway heard of, if any.</summary>
    public SeriesProgressNotice? Latest(Guid correlationId) =>
        _latest.TryGetValue(correlationId, out var latest) && time.GetUtcNow() - latest.At < RememberFor ? latest.Notice : null;

    /// <summary>Streams open now (all series).</summary>
    public int OpenStreams
    {
        get
        {
            lock (_streams)
            {
                return _streams.Values.Sum(l => l.Count);
            }
        }
    }

    private void Remember(Guid correlationId, SeriesProgressNotice notice)
    {
        if (notice.Finished)
        {
            _latest.TryRemove(correlationId, out _);
            return;
        }

        var now = time.GetUtcNow();
        _latest.AddOrUpdate(correlationId, (notice, now), (_, old) => notice.IsAfter(old.Notice) ? (notice, now) : old with { At = now });
        if (_latest.Count > MaxRemembered)
        {
            // Series whose end this gateway never heard of (it started late, or a notice was lost) age out.
            foreach (var stale in _latest.Where(e => now - e.Value.At >= RememberFor / 10).Select(e => e.Key).ToList())
            {
                _latest.TryRemove(stale, out _);
            }
        }
    }

    private void Unsubscribe(Guid correlationId, Channel<SeriesProgressNotice> channel)
    {
        lock (_streams)
        {
            if (_streams.TryGetValue(correlationId, out var list) && list.Remove(channel) && list.Count == 0)
            {
                _streams.Remove(correlationId);
            }
        }
    }
}
