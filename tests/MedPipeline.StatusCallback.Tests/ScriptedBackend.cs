using System.Net;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>An HTTP handler that answers from a script and records every request it saw.</summary>
internal sealed class ScriptedBackend(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
{
    private int _next;

    public List<(HttpMethod Method, Uri Uri, string? Authorization, string Body)> Requests { get; } = [];

    public static Func<HttpResponseMessage> Status(HttpStatusCode status) => () => new HttpResponseMessage(status);

    public static Func<HttpResponseMessage> NetworkError() => () => throw new HttpRequestException("Connection refused");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add((request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body));
        var step = script[Math.Min(_next++, script.Length - 1)];
        return step();
    }
}
