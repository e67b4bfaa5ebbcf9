namespace MedPipeline.Cli.Tests;

/// <summary>medpipe ops rerun|cancel and ops stats against a stand-in for the admin API (the API itself is tested in MedPipeline.Gateway.Tests).</summary>
public sealed class When_medpipe_ops_acts_on_a_series
{
    private const string Id = "adadad00-0000-4000-8000-000000000001";

    private static readonly Dictionary<string, string> Key = new() { ["MEDPIPE_API_KEY"] = "ops-key" };

    [Test]
    public async Task An_accepted_rerun_sends_the_note_with_the_key_and_exits_0()
    {
        using var api = new AdminApiDouble(new()
        {
            [$"/api/admin/series/{Id}/rerun?reason=ticket%2042"] = (202, $$"""{"correlationId":"{{Id}}","action":"rerun","status":"accepted"}"""),
        });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "rerun", Id, "--reason", "ticket 42", "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain($"rerun of series {Id} accepted"));
        Assert.That(api.Requests.Select(r => (r.PathAndQuery, r.ApiKey)), Is.EqualTo(new[] { ($"/api/admin/series/{Id}/rerun?reason=ticket%2042", "ops-key") }));
    }

    [Test]
    public async Task A_refused_cancel_prints_the_problem_and_exits_1()
    {
        using var api = new AdminApiDouble(new()
        {
            [$"/api/admin/series/{Id}/cancel"] = (409, """{"title":"The series' state does not allow this.","status":409,"detail":"the series already ended (Completed); only a running series is cancelled"}"""),
        });

        var (exitCode, _, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "cancel", Id, "--gateway", api.Url);

        Assert.That(exitCode, Is.EqualTo(1));
        Assert.That(error, Does.Contain("409 The series' state does not allow this. the series already ended (Completed)"));
    }

    [Test]
    public async Task Stats_print_the_three_tables()
    {
        using var api = new AdminApiDouble(new()
        {
            ["/api/admin/stats"] = (200, """
                {"generatedAt":"2026-11-27T12:00:00+00:00","series":[{"organization":"st-olaf","state":"Failed","lastHour":2,"lastDay":7}],
                 "callbackFailures":[{"organization":"st-olaf","lastHour":1,"lastDay":3}],
                 "stageLatencies":[{"stage":"inference","count":40,"p50Ms":812.5,"p95Ms":2950.0}]}
                """),
        });

        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), Key, "ops", "stats", "--gateway", api.Url);

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain("Failed").And.Contain("Failed callback deliveries").And.Contain("inference").And.Contain("812.5").And.Contain("2950"));
    }

    [Test]
    public async Task Without_a_key_nothing_is_asked_and_the_exit_code_is_2()
    {
        using var api = new AdminApiDouble([]);

        var (exitCode, _, _) = await Medpipe.RunAsync(TimeSpan.FromSeconds(60), new Dictionary<string, string> { ["MEDPIPE_API_KEY"] = "" },
            "ops", "cancel", Id, "--gateway", api.Url);

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(api.Requests, Is.Empty);
    }
}
