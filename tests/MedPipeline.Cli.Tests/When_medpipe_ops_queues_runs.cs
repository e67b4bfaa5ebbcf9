using System.Text.Json;

namespace MedPipeline.Cli.Tests;

/// <summary>
/// medpipe ops queues against a stand-in for the gateway's admin API (the API itself is tested on a real broker in
/// MedPipeline.Gateway.Tests): what it asks, with which method and key, and what it prints.
/// </summary>
public sealed class When_medpipe_ops_queues_runs
{
    private const string Queue = "run-series-inference_error";
    private const string MessageId = "0d380000-a016-0247-b0da-08df4caa7127";
    private const string CorrelationId = "adadad00-0000-4000-8000-000000000001";

    private static readonly Dictionary<string, string> Key = new() { ["MEDPIPE_API_KEY"] = "ops-key" };

    private static readonly string Messages =
        $$"""{"queue":"{{Queue}}","source":"run-series-inference","total":7,"messages":[{"messageId":"{{MessageId}}","correlationId":"{{CorrelationId}}","messageType":"MedPipeline.Contracts.RunSeriesInference","reason":"fault","exceptionType":"System.TimeoutException","faultMessage":"model did not answer","faultedAt":"2026-11-27T09:00:00+00:00","deathReason":null}]}""";

    private static string Moved(int replayed, int discarded) =>
        $$"""{"queue":"{{Queue}}","source":"run-series-inference","replayed":{{replayed}},"discarded":{{discarded}},"messages":[{"messageId":"{{MessageId}}","correlationId":"{{CorrelationId}}"}]}""";

    [Test]
    public async Task The_queues_are_listed_with_their_counts()
    {
        using var api = new AdminApiDouble(new()
        {
            ["/api/admin/queues"] = (200, """{"queues":[{"name":"run-series-inference_error","source":"run-series-inference","messages":7,"type":"quorum"},{"name":"series-state_dead-letter","source":"series-state","messages":2,"type":"quorum"}]}"""),
        });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "queues", "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain(Queue).And.Contain("series-state_dead-letter").And.Contain("2 failure queues, 9 messages"));
        Assert.That(api.Requests.Single(), Is.EqualTo(("/api/admin/queues", (string?)"ops-key", "GET")));
    }

    [Test]
    public async Task A_queues_messages_show_the_fault_in_a_table_or_as_JSON()
    {
        using var api = new AdminApiDouble(new()
        {
            [$"/api/admin/queues/{Queue}/messages?limit=50"] = (200, Messages),
            [$"/api/admin/queues/{Queue}/messages?limit=1"] = (200, Messages),
        });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "queues", Queue, "--gateway", api.Url);
        var (jsonExit, json, jsonError) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "queues", Queue, "--limit", "1", "--json", "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain(MessageId).And.Contain(CorrelationId).And.Contain("System.TimeoutException").And.Contain("model did not answer")
            .And.Contain("1 of 7 messages in run-series-inference_error (from run-series-inference)"));
        Assert.That(jsonExit, Is.Zero, jsonError);
        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("messages")[0].GetProperty("messageId").GetString(), Is.EqualTo(MessageId));
    }

    [TestCase("--replay", $"/api/admin/queues/{Queue}/messages/{MessageId}/replay", 1, 0, "1 replayed to run-series-inference")]
    [TestCase("--discard", $"/api/admin/queues/{Queue}/messages/{MessageId}/discard", 0, 1, "1 discarded from run-series-inference_error")]
    public async Task One_message_is_replayed_or_discarded_with_a_POST(string action, string path, int replayed, int discarded, string printed)
    {
        using var api = new AdminApiDouble(new() { [path] = (200, Moved(replayed, discarded)) });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "queues", Queue, action, MessageId, "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(api.Requests.Single(), Is.EqualTo((path, (string?)"ops-key", "POST")));
        Assert.That(output, Does.Contain(printed).And.Contain(CorrelationId));
    }

    [Test]
    public async Task Replay_all_posts_to_the_queue()
    {
        using var api = new AdminApiDouble(new() { [$"/api/admin/queues/{Queue}/replay"] = (200, Moved(3, 0)) });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "queues", Queue, "--replay-all", "--json", "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(api.Requests.Single().Method, Is.EqualTo("POST"));
        using var document = JsonDocument.Parse(output);
        Assert.That(document.RootElement.GetProperty("replayed").GetInt32(), Is.EqualTo(3));
    }

    [Test]
    public async Task A_refusal_prints_the_problem_and_exits_1()
    {
        using var api = new AdminApiDouble(new()
        {
            ["/api/admin/queues"] = (403, """{"title":"Only global operators may use the failure queues.","status":403}"""),
        });

        var (exitCode, _, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "queues", "--gateway", api.Url);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("403 Only global operators may use the failure queues."));
    }

    [TestCase("--replay-all")]
    [TestCase(Queue, "--replay", MessageId, "--discard", MessageId)]
    public async Task Actions_without_a_queue_or_together_are_usage_errors_and_ask_nothing(params string[] arguments)
    {
        using var api = new AdminApiDouble([]);

        var (exitCode, _, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, ["ops", "queues", .. arguments, "--gateway", api.Url]);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("--replay"));
        Assert.That(api.Requests, Is.Empty);
    }
}
