using System.Net;
using MedPipeline.StatusCallback.Delivery;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>An HTTP handler that answers from a script and records every request it saw.</summary>
internal sealed class ScriptedBackend(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, Uri Uri, string? Authorization, string Body)> Requests { get; } = [];

    /// <summary>The Idempotency-Key header of each request (null where there was none), in the order of <see cref="Requests"/>.</summary>
    public List<string?> IdempotencyKeys { get; } = [];

    public static Func<HttpResponseMessage> Status(HttpStatusCode status) => () => new HttpResponseMessage(status);

    /// <summary>What SocketsHttpHandler throws for a closed port: its message names the host and port.</summary>
    public static Func<HttpResponseMessage> NetworkError() => () =>
        throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (10.20.30.40:8443)", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        IdempotencyKeys.Add(request.Headers.TryGetValues(CallbackSender.IdempotencyKeyHeader, out var keys) ? string.Join(",", keys) : null);
        var step = script[Math.Min(_next++, script.Length - 1)];
        return step();
    }
}
