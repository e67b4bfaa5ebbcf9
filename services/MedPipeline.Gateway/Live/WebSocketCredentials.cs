using System.Buffers.Text;
using System.Text;
using MedPipeline.Gateway.Identity;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// A browser cannot set headers on a WebSocket, only subprotocols. So the live socket also takes its credentials
/// as a subprotocol offered beside <see cref="SubProtocol"/>: <c>medpipe.key.&lt;base64url of the API key&gt;</c> or
/// <c>medpipe.bearer.&lt;JWT&gt;</c>, moved here into the X-API-Key or Authorization header before authentication,
/// so the usual schemes check them. Not a query parameter: URLs end up in logs and proxies, this header does not,
/// and the server never echoes it (it answers with <see cref="SubProtocol"/> only).
/// </summary>
public static class WebSocketCredentials
{
    public const string SubProtocol = "medpipe.live";
    public const string KeyPrefix = "medpipe.key.";
    public const string BearerPrefix = "medpipe.bearer.";

    private const string ProtocolHeader = "Sec-WebSocket-Protocol";

    public static IApplicationBuilder UseWebSocketCredentials(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.Request.Path.StartsWithSegments("/ws", StringComparison.Ordinal) && http.Request.Headers.TryGetValue(ProtocolHeader, out var offered))
        {
            Apply(http.Request.Headers, offered.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
        }

        await next(http);
    });

    private static void Apply(IHeaderDictionary headers, IEnumerable<string> protocols)
    {
        var kept = new List<string>();
        foreach (var protocol in protocols)
        {
            if (protocol.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                if (!headers.ContainsKey(ApiKeyAuthenticationHandler.Header) && Decode(protocol[KeyPrefix.Length..]) is { } key)
                {
                    headers[ApiKeyAuthenticationHandler.Header] = key;
                }
            }
            else if (protocol.StartsWith(BearerPrefix, StringComparison.Ordinal))
            {
                if (!headers.ContainsKey("Authorization"))
                {
                    headers.Authorization = $"Bearer {protocol[BearerPrefix.Length..]}";
                }
            }
            else
            {
                kept.Add(protocol);
            }
        }

        // The credential leaves the protocol list: nothing downstream sees (or could echo) it there.
        if (kept.Count == 0)
        {
            headers.Remove(ProtocolHeader);
        }
        else
        {
            headers[ProtocolHeader] = string.Join(", ", kept);
        }
    }

    private static string? Decode(string base64Url)
    {
        var bytes = new byte[Base64Url.GetMaxDecodedLength(base64Url.Length)];
        return Base64Url.TryDecodeFromChars(base64Url, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
