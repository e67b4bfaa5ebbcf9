using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using MedPipeline.Gateway.Live;
using MedPipeline.LocalStack;
using MedPipeline.Organizations;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The live-progress streams (SSE and WebSocket) over the status read model of a test database; the broker's
/// notices are handed to the gateway's hub directly, as its consumer does (the pipeline tests cover the broker path).
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_series_is_watched_live
{
    private readonly string _otherKey = ApiKeys.NewKey();
    private SeriesGateway _gateway = null!;
    private LiveStatusRows _rows = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("live");
        _rows = new LiveStatusRows(database.Orchestrator);
        await _rows.CreateAsync();
        _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), ("ConnectionStrings__SeriesStatus", database.Gateway),
            ("Organizations__elsewhere__CallbackBaseUrl", "http://127.0.0.1:9/"), ("Organizations__elsewhere__ApiKeys__0__Id", "tests"),
            ("Organizations__elsewhere__ApiKeys__0__Sha256", ApiKeys.HashOf(_otherKey)));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    private SeriesProgressHub Hub => _gateway.Factory.Services.GetRequiredService<SeriesProgressHub>();

    [Test]
    public async Task Without_credentials_both_streams_answer_401()
    {
        var id = Guid.NewGuid();
        await _rows.RunningAsync(id, "Preprocessing", "Preprocess");
        using var anonymous = _gateway.Factory.CreateClient();

        using var events = await anonymous.GetAsync($"api/series/{id}/events");
        var socket = LiveTestClients.Socket(_gateway.Factory, apiKey: null);
        var refused = Assert.ThrowsAsync<InvalidOperationException>(() => socket.ConnectAsync(LiveTestClients.SocketUri(_gateway.Factory, id), CancellationToken.None));

        Assert.That(events.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(refused!.Message, Does.Contain("401"));
    }

    [Test]
    public async Task Another_organizations_series_is_404_exactly_like_an_unknown_one()
    {
        var id = Guid.NewGuid();
        await _rows.RunningAsync(id, "Preprocessing", "Preprocess");
        using var other = _gateway.Factory.CreateClient();
        other.DefaultRequestHeaders.Add("X-API-Key", _otherKey);

        using var theirs = await other.GetAsync($"api/series/{id}/events");
        using var unknown = await other.GetAsync($"api/series/{Guid.NewGuid()}/events");

        Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(LiveTestClients.Problem(await theirs.Content.ReadAsStringAsync()), Is.EqualTo(LiveTestClients.Problem(await unknown.Content.ReadAsStringAsync())));
    }

    [Test]
    public async Task The_current_state_comes_first_then_each_step_in_order_then_the_result_as_server_sent_events()
    {
        var id = Guid.NewGuid();
        await _rows.RunningAsync(id, "Preprocessing", "Preprocess");
        using var client = _gateway.Client();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync($"api/series/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await reader.NextAsync(timeout.Token);
        Hub.Publish(id, new SeriesProgressNotice(LiveStage.Preprocessing, 5, 12));
        Hub.Publish(id, new SeriesProgressNotice(LiveStage.Preprocessing, 3, 12));
        Hub.Publish(id, new SeriesProgressNotice(LiveStage.Inference, 0, 12));
        var steps = new[] { await reader.NextAsync(timeout.Token), await reader.NextAsync(timeout.Token) };
        await _rows.FinishAsync(id, "Completed", "completed", null);
        Hub.Publish(id, SeriesProgressNotice.End);
        var result = await reader.NextAsync(timeout.Token);
        var end = await reader.NextAsync(timeout.Token);

        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
        Assert.That(first!.Value.Raw, Is.EqualTo("event: progress\ndata: {\"type\":\"progress\",\"stage\":\"preprocessing\",\"done\":0,\"total\":12}\n\n"));
        Assert.That(steps.Select(s => s!.Value.Data.ToString()), Is.EqualTo(new[]
        {
            "{\"type\":\"progress\",\"stage\":\"preprocessing\",\"done\":5,\"total\":12}",
            "{\"type\":\"progress\",\"stage\":\"inference\",\"done\":0,\"total\":12}",
        }), "the late 3 of 12 is not sent after 5 of 12");
        Assert.That(result!.Value.Event, Is.EqualTo("result"));
        Assert.That(result.Value.Data.GetProperty("status").GetProperty("correlationId").GetGuid(), Is.EqualTo(id));
        Assert.That(result.Value.Data.GetProperty("status").GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(end, Is.Null, "the stream ends after the result");
    }

    [Test]
    public async Task A_watcher_that_joins_mid_way_starts_where_the_gateway_heard_the_series_is()
    {
        var id = Guid.NewGuid();
        await _rows.RunningAsync(id, "Preprocessing", "Preprocess");
        Hub.Publish(id, new SeriesProgressNotice(LiveStage.Preprocessing, 7, 12));
        using var client = _gateway.Client();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await client.GetAsync($"api/series/{id}/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        var first = await reader.NextAsync(timeout.Token);

        Assert.That(first!.Value.Data.ToString(), Is.EqualTo("{\"type\":\"progress\",\"stage\":\"preprocessing\",\"done\":7,\"total\":12}"));
    }

    [Test]
    public async Task A_failed_series_is_one_error_over_a_WebSocket_opened_with_the_key_as_a_subprotocol_then_a_normal_close()
    {
        var id = Guid.NewGuid();
        await _rows.RunningAsync(id, "Inferring", "Inference");
        await _rows.FinishAsync(id, "Failed", "failed", "inference kept failing");
        var client = LiveTestClients.Socket(_gateway.Factory, _gateway.ApiKey);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        using var socket = await client.ConnectAsync(LiveTestClients.SocketUri(_gateway.Factory, id), timeout.Token);
        var buffer = new byte[64 * 1024];
        var message = await socket.ReceiveAsync(buffer, timeout.Token);
        var error = JsonDocument.Parse(buffer.AsMemory(0, message.Count)).RootElement;
        var close = await socket.ReceiveAsync(buffer, timeout.Token);

        Assert.That(socket.SubProtocol, Is.EqualTo(WebSocketCredentials.SubProtocol), "the credential is never echoed");
        Assert.That(error.GetProperty("type").GetString(), Is.EqualTo("error"));
        Assert.That(error.GetProperty("reason").GetString(), Is.EqualTo("inference kept failing"));
        Assert.That(error.GetProperty("status").GetProperty("state").GetString(), Is.EqualTo("Failed"));
        Assert.That((close.MessageType, socket.CloseStatus), Is.EqualTo((WebSocketMessageType.Close, (WebSocketCloseStatus?)WebSocketCloseStatus.NormalClosure)));
    }
}
