using System.Text;
using System.Text.Json;
using MedPipeline.Gateway.Live;
using Microsoft.AspNetCore.TestHost;

namespace MedPipeline.Gateway.Tests;

/// <summary>WebSocket clients of the in-memory gateway's live progress, offering the key as a browser does (a subprotocol).</summary>
internal static class LiveTestClients
{
    public static WebSocketClient Socket(GatewayFactory factory, string? apiKey)
    {
        var client = factory.Server.CreateWebSocketClient();
        client.SubProtocols.Add(WebSocketCredentials.SubProtocol);
        if (apiKey is not null)
        {
            client.SubProtocols.Add(WebSocketCredentials.KeyPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(apiKey)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        }

        return client;
    }

    public static Uri SocketUri(GatewayFactory factory, Guid id) => new UriBuilder(factory.Server.BaseAddress) { Scheme = "ws", Path = $"/ws/series/{id}" }.Uri;

    /// <summary>What a problem+json says (status, title, detail), without its per-request trace id.</summary>
    public static string Problem(string json)
    {
        using var problem = JsonDocument.Parse(json);
        return $"{problem.RootElement.GetProperty("status")} {problem.RootElement.GetProperty("title")} {problem.RootElement.GetProperty("detail")}";
    }
}
