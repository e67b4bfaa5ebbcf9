using System.Text.Json;

namespace MedPipeline.Cli.Tests;

/// <summary>
/// medpipe ops series against a stand-in for the gateway's admin API (the API itself is tested on a real database
/// in MedPipeline.Gateway.Tests): what it asks, with which key, and what it prints.
/// </summary>
public sealed class When_medpipe_ops_series_runs
{
    private const string First = "adadad00-0000-4000-8000-000000000001";
    private const string Second = "adadad00-0000-4000-8000-000000000002";

    private static readonly Dictionary<string, string> Key = new() { ["MEDPIPE_API_KEY"] = "ops-key" };

    private static string Page(string id, string? next) =>
        $$"""{"items":[{"correlationId":"{{id}}","organization":"st-olaf","modelType":"ct-lesion-classifier","state":"Failed","status":"failed","stage":null,"attempt":2,"reason":"inference did not answer","receivedAt":null,"updatedAt":"2026-11-27T09:00:00+00:00"}],"nextCursor":{{(next is null ? "null" : $"\"{next}\"")}}}""";

    [Test]
    public async Task All_pages_are_followed_with_the_filters_and_the_key_and_printed_as_JSON()
    {
        using var api = new AdminApiDouble(new()
        {
            ["/api/admin/series?state=Failed&state=Inferring&olderThan=PT1H&stuck=true&limit=1"] = (200, Page(First, "next-page")),
            ["/api/admin/series?state=Failed&state=Inferring&olderThan=PT1H&stuck=true&limit=1&cursor=next-page"] = (200, Page(Second, null)),
        });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key,
            "ops", "series", "--gateway", api.Url, "--state", "Failed", "--state", "Inferring", "--older-than", "PT1H", "--stuck", "--limit", "1", "--all", "--json");

        Assert.That(exitCode, Is.Zero, error);
        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("correlationId").GetString()), Is.EqualTo(new[] { First, Second }));
        Assert.That(api.Requests.Select(r => r.ApiKey), Is.All.EqualTo("ops-key"));
        Assert.That(api.Requests, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task The_table_shows_each_series_state_and_reason()
    {
        using var api = new AdminApiDouble(new() { ["/api/admin/series?limit=50"] = (200, Page(First, "more")) });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "series", "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain(First).And.Contain("Failed").And.Contain("inference did not answer").And.Contain("1 series; more with --all"));
    }

    [Test]
    public async Task A_timeline_prints_its_stages_and_callbacks()
    {
        using var api = new AdminApiDouble(new()
        {
            [$"/api/admin/series/{First}"] = (200, $$"""{"correlationId":"{{First}}","organization":"st-olaf","modelType":"ct-lesion-classifier","state":"Completed","attempt":1,"reason":null,"timeline":[{"stage":"received","at":"2026-11-27T09:00:00+00:00","afterPreviousMs":null},{"stage":"unpacked","at":"2026-11-27T09:00:02.5+00:00","afterPreviousMs":2500}],"callbacks":[{"seriesId":"backend-1","outcome":"delivered (HTTP 204, 1 attempt(s))"}]}"""),
        });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "series", First, "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain("unpacked").And.Contain("2500").And.Contain("backend-1").And.Contain("delivered (HTTP 204"));
    }

    [Test]
    public async Task A_refusal_prints_the_problem_and_exits_non_zero()
    {
        using var api = new AdminApiDouble(new() { ["/api/admin/series?limit=50"] = (403, """{"title":"Forbidden","status":403}""") });

        var (exitCode, _, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "series", "--gateway", api.Url);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("403 Forbidden"));
    }

    [Test]
    public async Task Without_a_key_nothing_is_asked()
    {
        using var api = new AdminApiDouble([]);

        var (exitCode, _, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["MEDPIPE_API_KEY"] = "" },
            "ops", "series", "--gateway", api.Url);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(error, Does.Contain("MEDPIPE_API_KEY"));
        Assert.That(api.Requests, Is.Empty);
    }
}
