using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The admin API's read side on a real database with the pipeline's grants: series of st-olaf and other-hospital
/// in the read model, read by the gateway's read-only role, asked for by st-olaf's admin, st-olaf's ordinary
/// key, other-hospital's admin and an admin of the operators' organization.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_admin_reads_the_series
{
    private AdminGateway _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _admin = await AdminGateway.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _admin.DisposeAsync();

    [TestCase("api/admin/series")]
    [TestCase($"api/admin/series/{AdminSeriesRows.OldFailed}")]
    public async Task A_caller_without_credentials_is_401(string path)
    {
        using var client = _admin.Series.Factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("api/admin/series")]
    [TestCase($"api/admin/series/{AdminSeriesRows.OldFailed}")]
    public async Task A_caller_with_submit_and_read_but_not_admin_is_403(string path)
    {
        using var client = _admin.Series.Client();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_admin_lists_its_own_organizations_series_newest_change_first()
    {
        var page = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/series");

        Assert.That(AdminGateway.Ids(page), Is.EqualTo(new[] { AdminSeriesRows.Inferring, AdminSeriesRows.Completed, AdminSeriesRows.OldFailed }));
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var inferring = page.GetProperty("items")[0];
        Assert.That((inferring.GetProperty("status").GetString(), inferring.GetProperty("stage").GetString()), Is.EqualTo(("running", "Inference")));
    }

    [Test]
    public async Task An_admin_asking_for_another_organization_is_403_problem_json()
    {
        using var client = _admin.ClientWith(_admin.AdminKey);

        using var response = await client.GetAsync("api/admin/series?organization=other-hospital");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Filters_by_state_model_type_and_age_combine()
    {
        var failedOverAnHour = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/series?state=Failed&state=Inferring&olderThan=PT1H");
        var recent = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/series?newerThan=PT150M");
        var anomaly = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/series?modelType=xray-anomaly");

        Assert.That(AdminGateway.Ids(failedOverAnHour), Is.EqualTo(new[] { AdminSeriesRows.OldFailed }));
        Assert.That(AdminGateway.Ids(recent), Is.EqualTo(new[] { AdminSeriesRows.Inferring, AdminSeriesRows.Completed }));
        Assert.That(AdminGateway.Ids(anomaly), Is.EqualTo(new[] { AdminSeriesRows.Completed }));
    }

    [Test]
    public async Task Pages_of_one_follow_the_cursor_to_every_series_once()
    {
        var seen = new List<string>();
        var cursor = "";
        for (var pages = 0; pages < 10 && cursor is not null; pages++)
        {
            var page = await _admin.GetJsonAsync(_admin.AdminKey, $"api/admin/series?limit=1{(cursor.Length == 0 ? "" : $"&cursor={cursor}")}");
            seen.AddRange(AdminGateway.Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }

        Assert.That(seen, Is.EqualTo(new[] { AdminSeriesRows.Inferring, AdminSeriesRows.Completed, AdminSeriesRows.OldFailed }));
    }

    [Test]
    public async Task Bad_parameters_are_400_naming_each_one()
    {
        using var client = _admin.ClientWith(_admin.AdminKey);

        using var response = await client.GetAsync("api/admin/series?state=failed&olderThan=an-hour&limit=501&cursor=xyz&stuck=maybe");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "state", "olderThan", "limit", "cursor", "stuck" }));
    }

    [Test]
    public async Task The_timeline_shows_each_stage_reached_with_its_time_the_callbacks_and_the_reason()
    {
        var series = await _admin.GetJsonAsync(_admin.AdminKey, $"api/admin/series/{AdminSeriesRows.OldFailed}");

        var stages = series.GetProperty("timeline").EnumerateArray()
            .Select(s => (s.GetProperty("stage").GetString(), s.GetProperty("afterPreviousMs").ValueKind == JsonValueKind.Null ? (double?)null : s.GetProperty("afterPreviousMs").GetDouble()))
            .ToList();
        Assert.That(stages, Is.EqualTo(new (string?, double?)[]
        {
            ("received", null), ("unpacking-started", 1000), ("unpacked", 2500), ("preprocessed", 500), ("finished", 300_000),
        }));
        Assert.That(series.GetProperty("reason").GetString(), Is.EqualTo("inference did not answer within 00:05:00"));
        Assert.That(series.GetProperty("attempt").GetInt32(), Is.EqualTo(2));
        Assert.That(series.GetProperty("callbacks").EnumerateArray().Select(c => $"{c.GetProperty("seriesId")}: {c.GetProperty("outcome")}"),
            Is.EqualTo(new[] { "backend-0: failed (HTTP 404)", "backend-1: delivered (HTTP 204, 1 attempt(s))" }));
    }

    [Test]
    public async Task Another_organizations_series_is_404_for_an_admin_and_visible_to_an_operator()
    {
        using var admin = _admin.ClientWith(_admin.AdminKey);
        using var otherAdmin = _admin.ClientWith(_admin.OtherAdminKey);

        using var hidden = await admin.GetAsync($"api/admin/series/{AdminSeriesRows.OtherFailed}");
        using var ownedByOther = await otherAdmin.GetAsync($"api/admin/series/{AdminSeriesRows.OtherFailed}");
        var seenByOperator = await _admin.GetJsonAsync(_admin.OperatorKey, $"api/admin/series/{AdminSeriesRows.OtherFailed}");

        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ownedByOther.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seenByOperator.GetProperty("organization").GetString(), Is.EqualTo("other-hospital"));
    }

    [Test]
    public async Task An_operator_lists_every_organization_or_the_one_it_names()
    {
        var all = await _admin.GetJsonAsync(_admin.OperatorKey, "api/admin/series?state=Failed");
        var other = await _admin.GetJsonAsync(_admin.OperatorKey, "api/admin/series?organization=other-hospital");

        Assert.That(AdminGateway.Ids(all), Is.EqualTo(new[] { AdminSeriesRows.OldFailed, AdminSeriesRows.OtherFailed }));
        Assert.That(AdminGateway.Ids(other), Is.EqualTo(new[] { AdminSeriesRows.OtherFailed }));
    }
}
