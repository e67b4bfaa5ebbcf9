using System.Runtime.CompilerServices;
using MedPipeline.Gateway.Series;
using Npgsql;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// The events one watcher of a series gets: the current state first (from the status read model and the
/// latest progress this gateway heard), then each further step as the broker reports it, and the outcome
/// (<c>result</c>, or <c>error</c> for a failed series) read from the status read model once the saga says the
/// attempt ended. Silence longer than <see cref="RecheckAfter"/> re-reads the status, so an end whose notice was
/// lost (a broker outage, a gateway started late) still ends the stream.
/// </summary>
public sealed class SeriesLiveStream(SeriesStatusReader statuses, SeriesProgressHub hub, TimeProvider time)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    /// <summary>How long a series the caller cannot see yet is waited for before it counts as unknown.</summary>
    public static readonly TimeSpan AppearWithin = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Subscribes to a series of <paramref name="organization"/>; null when there is no such series or it is another
    /// organization's (the caller cannot tell the two apart). Throws <see cref="NpgsqlException"/> when the status store does not answer.
    /// </summary>
    public async Task<SeriesLiveSession?> OpenAsync(Guid correlationId, string organization, CancellationToken cancellationToken)
    {
        // Subscribed before the status is read: a step between the read and the first notice is not lost.
        var subscription = hub.Subscribe(correlationId);
        try
        {
            // A watcher usually connects right after its 202, before the saga has taken the request: the row is
            // waited for a moment. Another organization's series waits exactly as long as an unknown one.
            var giveUpAt = time.GetUtcNow() + AppearWithin;
            while (true)
            {
                var row = await statuses.FindAsync(correlationId, cancellationToken);
                if (row is not null && string.Equals(row.Organization, organization, StringComparison.Ordinal))
                {
                    return new SeriesLiveSession(correlationId, row, subscription);
                }

                if (time.GetUtcNow() >= giveUpAt)
                {
                    subscription.Dispose();
                    return null;
                }

                await Task.Delay(LookAgainAfter, time, cancellationToken);
            }
        }
        catch
        {
            subscription.Dispose();
            throw;
        }
    }

    /// <summary>The events, ending after the result or error; a null element is a quiet interval (a keep-alive for the caller).</summary>
    public async IAsyncEnumerable<SeriesLiveEvent?> EventsAsync(SeriesLiveSession session, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (SeriesLiveState.Outcome(session.Row) is { } finished)
        {
            yield return finished;
            yield break;
        }

        var last = SeriesLiveState.CurrentOf(session.Row, hub.Latest(session.CorrelationId));
        yield return SeriesLiveEvent.Progress(last.Stage, last.Done, last.Total);
        while (!cancellationToken.IsCancellationRequested)
        {
            var notice = await NextAsync(session, cancellationToken);
            if (notice is { Finished: false })
            {
                if (notice.IsAfter(last))
                {
                    last = notice;
                    yield return SeriesLiveEvent.Progress(notice.Stage, notice.Done, notice.Total);
                }

                continue;
            }

            var (row, unavailable) = await ReadAsync(session.CorrelationId, cancellationToken);
            var end = unavailable
                ? SeriesLiveEvent.Error("the series state is unavailable; read its status later")
                : row is null ? SeriesLiveEvent.Error("the series is no longer kept") : SeriesLiveState.Outcome(row);
            if (end is { IsLast: true })
            {
                yield return end;
                yield break;
            }

            // Still running (after an end notice: a new attempt has started): what the read model knows, if it is further.
            var current = SeriesLiveState.CurrentOf(row!, null);
            if (current.IsAfter(last))
            {
                last = current;
                yield return SeriesLiveEvent.Progress(current.Stage, current.Done, current.Total);
            }
            else
            {
                yield return null;
            }
        }
    }

    private static async Task<SeriesProgressNotice?> NextAsync(SeriesLiveSession session, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(RecheckAfter);
        try
        {
            return await session.Subscription.Notices.ReadAsync(wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<(SeriesStatusRow? Row, bool Unavailable)> ReadAsync(Guid correlationId, CancellationToken cancellationToken)
    {
        try
        {
            return (await statuses.FindAsync(correlationId, cancellationToken), false);
        }
        catch (NpgsqlException)
        {
            return (null, true);
        }
    }
}
