using System.Net.WebSockets;
using System.Text;

namespace MedPipeline.Gateway.Live;

/// <summary>Sends the events of a series as text messages and closes the socket after the last one, or when the watcher closes it.</summary>
internal static class LiveWebSocket
{
    private static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(2);

    public static async Task SendAsync(WebSocket socket, IAsyncEnumerable<SeriesLiveEvent?> events, CancellationToken aborted)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        // The watcher sends nothing but its close; reading is what notices it (and answers pings).
        var reading = WatchForCloseAsync(socket, stop);
        try
        {
            await foreach (var e in events.WithCancellation(stop.Token))
            {
                if (e is null)
                {
                    continue;
                }

                await socket.SendAsync(Encoding.UTF8.GetBytes(e.ToJson()), WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                if (e.IsLast)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, e.Type, stop.Token);
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The watcher left.
        }

        // A closing handshake is answered within moments; a watcher that does not answer is not waited for.
        await Task.WhenAny(reading, Task.Delay(CloseWait, CancellationToken.None));
        await stop.CancelAsync();
        await reading;
    }

    private static async Task WatchForCloseAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[256];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed or aborted either way.
        }

        await stop.CancelAsync();
    }
}
