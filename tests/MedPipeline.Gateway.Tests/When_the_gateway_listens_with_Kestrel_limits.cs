using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The limits need a real Kestrel (the in-memory test server enforces none): the gateway executable on a loopback
/// port, with two connections at most, two seconds for headers and 1000 bytes/s for uploads after two seconds.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_the_gateway_listens_with_Kestrel_limits
{
    private const string Live = "GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";

    /// <summary>The end of the health answer's chunked body.</summary>
    private const string LastChunk = "\r\n0\r\n\r\n";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private LocalGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task Start() => _gateway = await LocalGateway.StartAsync(Path.Combine(AppContext.BaseDirectory, "MedPipeline.Gateway.dll"), RepositoryPaths.Root,
        TimeSpan.FromSeconds(60), "--Gateway:Kestrel:MaxConcurrentConnections=2", "--Gateway:Kestrel:RequestHeadersTimeout=00:00:02",
        "--Gateway:Kestrel:MinRequestBodyDataRate=1000", "--Gateway:Kestrel:MinRequestBodyDataRateGracePeriod=00:00:02");

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [Test]
    public async Task A_connection_beyond_the_limit_is_closed_without_an_answer()
    {
        using var first = await AnsweredConnectionAsync();
        using var second = await AnsweredConnectionAsync();

        using var third = await RawHttpConnection.OpenAsync(_gateway.Address);
        await third.TrySendAsync(Live);
        var refused = await third.ReadAsync(Patience);

        first.Dispose();
        using var afterwards = await AnsweredConnectionAsync();
        Assert.That(refused.Ended, Is.True, "the server closed the third connection");
        Assert.That(refused.Text, Is.Empty, "without answering it");
    }

    [Test]
    public async Task Headers_sent_too_slowly_are_cut_off()
    {
        using var slow = await RawHttpConnection.OpenAsync(_gateway.Address);
        await slow.TrySendAsync("GET /health/live HTTP/1.1\r\nHost: localhost\r\n");
        using var stop = new CancellationTokenSource();
        // A slowloris client: one more header line every half second, never the blank line that ends them.
        var drip = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested && await slow.TrySendAsync($"X-Drip-{i}: x\r\n"); i++)
            {
                await Task.Delay(500, CancellationToken.None);
            }
        });

        var answer = await slow.ReadAsync(Patience);
        await stop.CancelAsync();
        await drip;

        Assert.That(answer.Ended, Is.True, "the connection was closed");
        // Kestrel's own limit is 30 s and ours 10 s by default: the configured 2 s is what cut it off.
        Assert.That(answer.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1)).And.LessThan(TimeSpan.FromSeconds(8)));
        Assert.That(answer.Text, Does.StartWith("HTTP/1.1 408"));
    }

    [Test]
    public async Task An_upload_slower_than_the_minimum_rate_is_cut_off()
    {
        using var slow = await RawHttpConnection.OpenAsync(_gateway.Address);
        await slow.TrySendAsync("POST /inference HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=b\r\n" +
            "Content-Length: 1000000\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n");

        var answer = await slow.ReadAsync(TimeSpan.FromSeconds(15));

        Assert.That(answer.Ended, Is.True, "the connection was closed");
        // Kestrel's own grace period is 5 s and ours 10 s by default: the configured 2 s is what cut it off.
        Assert.That(answer.Elapsed, Is.GreaterThan(TimeSpan.FromSeconds(1.5)).And.LessThan(TimeSpan.FromSeconds(8)));
        Assert.That(answer.Text, Does.StartWith("HTTP/1.1 408"));
    }

    [Test]
    public async Task A_client_within_the_limits_is_answered()
    {
        using var connection = await AnsweredConnectionAsync();

        Assert.That(await connection.TrySendAsync(Live), Is.True);
        var again = await connection.ReadAsync(Patience, LastChunk);
        Assert.That(again.Text, Does.StartWith("HTTP/1.1 200"), "the same connection serves a second request");
    }

    /// <summary>
    /// A connection that got its answer and stays open (keep-alive). Retried for a few seconds, because the server
    /// may still count a connection a previous test or the readiness probe has just closed.
    /// </summary>
    private async Task<RawHttpConnection> AnsweredConnectionAsync()
    {
        var until = DateTime.UtcNow + Patience;
        while (true)
        {
            var connection = await RawHttpConnection.OpenAsync(_gateway.Address);
            await connection.TrySendAsync(Live);
            var answer = await connection.ReadAsync(TimeSpan.FromSeconds(3), LastChunk);
            if (answer.Text.StartsWith("HTTP/1.1 200", StringComparison.Ordinal))
            {
                return connection;
            }

            connection.Dispose();
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"no connection was answered within {Patience.TotalSeconds} s (last: '{answer.Text}')");
            }

            await Task.Delay(200);
        }
    }
}
