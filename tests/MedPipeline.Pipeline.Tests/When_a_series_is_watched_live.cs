using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using MedPipeline.Contracts;

namespace MedPipeline.Pipeline.Tests;

/// <summary>A browser-like client follows a real series over the gateway's WebSocket, fed by the workers' and the saga's events.</summary>
public sealed class When_a_series_is_watched_live
{
    private static readonly string[] Stages = ["unpacking", "preprocessing", "inference", "callback"];

    [Test]
    public async Task The_watcher_sees_progress_with_increasing_done_and_then_the_result()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 24, "lesion");
        // The watcher connects before the series is sent (the id is the request's natural key), as the series page does
        // right after its 202: a warm pipeline can preprocess 24 slices before a socket opened after the 202 is up. The
        // gateway waits up to 3 s for a series to appear and holds its events meanwhile.
        var correlationId = SeriesCorrelation.For(Pipeline.Running.Organization, series.StudyInstanceUid, series.SeriesInstanceUid, "ct-lesion-classifier");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var connecting = LiveWatcher.ConnectAsync(correlationId, Pipeline.Running.ApiKey, timeout.Token);
        using var response = await client.SubmitAsync(series, "ct-lesion-classifier", SeriesClient.NewSeriesId());
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync() + SeriesClient.Logs());
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.That(accepted.RootElement.GetProperty("correlationId").GetGuid(), Is.EqualTo(correlationId));

        using var socket = await connecting;
        var events = await LiveWatcher.ReadAllAsync(socket, timeout.Token);

        Assert.That(socket.SubProtocol, Is.EqualTo("medpipe.live"), "the credential is never echoed");
        var types = events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.That(types[^1], Is.EqualTo("result"), string.Join("\n", events));
        Assert.That(types[..^1], Has.All.EqualTo("progress"));
        var progress = events.SkipLast(1).Select(e => (Stage: Array.IndexOf(Stages, e.GetProperty("stage").GetString()), Done: e.GetProperty("done").GetInt32(),
            Total: e.GetProperty("total").GetInt32())).ToList();
        Assert.That(progress, Has.Count.GreaterThanOrEqualTo(2), string.Join("\n", events));
        Assert.That(progress.Select(p => p.Stage), Has.All.GreaterThanOrEqualTo(0));
        for (var i = 1; i < progress.Count; i++)
        {
            Assert.That(progress[i].Stage > progress[i - 1].Stage || (progress[i].Stage == progress[i - 1].Stage && progress[i].Done >= progress[i - 1].Done),
                Is.True, $"event {i} goes back: {string.Join("\n", events)}");
        }

        // The Preprocessor's counts and the inference stage come from different publishers, so the gateway may hear the
        // series move on first and then drop the late counts (progress never goes back): the 24 of 24 reaches the watcher
        // as preprocessing's last count or as inference's.
        Assert.That(progress.Where(p => p.Stage is 1 or 2).Select(p => (p.Done, p.Total)), Does.Contain((24, 24)),
            "every instance counted: " + string.Join("\n", events));
        var status = events[^1].GetProperty("status");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(status.GetProperty("correlationId").GetGuid(), Is.EqualTo(correlationId));
        Assert.That(status.GetProperty("result").GetProperty("predicted_class").GetString(), Is.EqualTo("lesion"));
    }

    [Test]
    public async Task Another_organization_is_closed_with_a_policy_violation_like_an_unknown_series()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2, "lesion");
        using var response = await client.SubmitAsync(series, "ct-lesion-classifier", SeriesClient.NewSeriesId());
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var other = await LiveWatcher.ConnectAsync(accepted.RootElement.GetProperty("correlationId").GetGuid(), Pipeline.Running.OtherApiKey, timeout.Token);
        var seen = await LiveWatcher.ReadAllAsync(other, timeout.Token);
        using var unknown = await LiveWatcher.ConnectAsync(Guid.NewGuid(), Pipeline.Running.ApiKey, timeout.Token);
        await LiveWatcher.ReadAllAsync(unknown, timeout.Token);

        Assert.That(seen, Is.Empty);
        Assert.That((other.CloseStatus, other.CloseStatusDescription), Is.EqualTo((WebSocketCloseStatus.PolicyViolation, "no such series")));
        Assert.That((unknown.CloseStatus, unknown.CloseStatusDescription), Is.EqualTo((other.CloseStatus, other.CloseStatusDescription)));
    }

    [Test]
    public async Task The_gateways_live_queue_is_temporary()
    {
        using var api = Pipeline.Running.Broker.CreateManagementClient();

        var queues = JsonDocument.Parse(await api.GetStringAsync("api/queues")).RootElement.EnumerateArray()
            .Where(q => q.GetProperty("name").GetString()!.StartsWith("gateway-live-", StringComparison.Ordinal)).ToList();

        Assert.That(queues, Is.Not.Empty);
        // Exclusive: the broker deletes it with the gateway's connection; x-expires: and when nobody uses it for a minute.
        Assert.That(queues.Select(q => (q.GetProperty("exclusive").GetBoolean(), q.GetProperty("durable").GetBoolean())), Has.All.EqualTo((true, false)));
        Assert.That(queues.Select(q => q.GetProperty("arguments").TryGetProperty("x-expires", out var expires) ? expires.GetInt32() : 0),
            Has.All.InRange(1, 5 * 60 * 1000));
    }
}
