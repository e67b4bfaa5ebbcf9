using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

/// <summary>A WebSocket client of the gateway's live progress, authenticating the way a browser can: the API key as a subprotocol.</summary>
internal static class LiveWatcher
{
    public static async Task<ClientWebSocket> ConnectAsync(Guid correlationId, string apiKey, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("medpipe.live");
        socket.Options.AddSubProtocol($"medpipe.key.{Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_')}");
        var gateway = Pipeline.Running.Gateway;
        await socket.ConnectAsync(new Uri($"ws://{gateway.Authority}/ws/series/{correlationId}"), cancellationToken);
        return socket;
    }

    /// <summary>Every message until the server closes the socket.</summary>
    public static async Task<List<JsonElement>> ReadAllAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var events = new List<JsonElement>();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var message = new MemoryStream();
            WebSocketReceiveResult received;
            do
            {
                received = await socket.ReceiveAsync(buffer, cancellationToken);
                message.Write(buffer, 0, received.Count);
            }
            while (!received.EndOfMessage);

            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                return events;
            }

            events.Add(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
        }
    }
}
