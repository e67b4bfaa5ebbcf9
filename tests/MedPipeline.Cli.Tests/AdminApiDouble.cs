using System.Collections.Concurrent;
using System.Net;
using System.Text;
using MedPipeline.LocalStack;

namespace MedPipeline.Cli.Tests;

/// <summary>
/// A loopback HTTP listener standing in for the gateway's admin API: answers each path-and-query it was given
/// (else 404 problem+json) and records every request with its X-API-Key and method, so a test sees what medpipe asked.
/// </summary>
internal sealed class AdminApiDouble : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, string Json)> _answers;
    private readonly Task _serving;

    public AdminApiDouble(Dictionary<string, (int Status, string Json)> answers)
    {
        _answers = answers;
        Url = $"http://127.0.0.1:{FreeTcpPort.Next()}/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string PathAndQuery, string? ApiKey, string Method)> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var asked = context.Request.Url!.PathAndQuery;
            Requests.Enqueue((asked, context.Request.Headers["X-API-Key"], context.Request.HttpMethod));
            var (status, json) = _answers.TryGetValue(asked, out var answer) ? answer : (404, """{"title":"No such series."}""");
            context.Response.StatusCode = status;
            context.Response.ContentType = status < 300 ? "application/json" : "application/problem+json";
            var body = Encoding.UTF8.GetBytes(json);
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
