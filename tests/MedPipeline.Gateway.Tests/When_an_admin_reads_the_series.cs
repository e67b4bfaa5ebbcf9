using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.Organizations;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The admin API's read side on a real database with the pipeline's grants: series of st-olaf and other-hospital
/// in the read model, read by the gateway's read-only role, asked for by st-olaf's admin, st-olaf's ordinary
/// key, other-hospital's admin and an admin of the operators' organization.
/// </summary>
[NonParallelizable]
public sealed class When_an_admin_reads_the_series
{
    private readonly string _adminKey = ApiKeys.NewKey();
    private readonly string _otherAdminKey = ApiKeys.NewKey();
    private readonly string _operatorKey = ApiKeys.NewKey();
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("admin");
        await AdminSeriesRows.WriteAsync(database.Orchestrator);
        _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), ("ConnectionStrings__SeriesStatus", database.Gateway),
            ("Organizations__st-olaf__ApiKeys__1__Id", "st-olaf-admin"), ("Organizations__st-olaf__ApiKeys__1__Sha256", ApiKeys.HashOf(_adminKey)),
            ("Organizations__st-olaf__ApiKeys__1__Roles__0", "admin"),
            ("Organizations__other-hospital__CallbackBaseUrl", "http://127.0.0.1:9/"),
            ("Organizations__other-hospital__ApiKeys__0__Id", "other-admin"), ("Organizations__other-hospital__ApiKeys__0__Sha256", ApiKeys.HashOf(_otherAdminKey)),
            ("Organizations__other-hospital__ApiKeys__0__Roles__0", "admin"),
            ("Organizations__operators__CallbackBaseUrl", "http://127.0.0.1:9/"),
            ("Organizations__operators__ApiKeys__0__Id", "operator"), ("Organizations__operators__ApiKeys__0__Sha256", ApiKeys.HashOf(_operatorKey)),
            ("Organizations__operators__ApiKeys__0__Roles__0", "admin"),
            ("Gateway__Admin__OperatorOrganizations__0", "operators"));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
        await TestServices.StopAsync();
    }

    [TestCase("api/admin/series")]
    [TestCase($"api/admin/series/{AdminSeriesRows.OldFailed}")]
    public async Task A_caller_without_credentials_is_401(string path)
    {
        using var client = _gateway.Factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("api/admin/series")]
    [TestCase($"api/admin/series/{AdminSeriesRows.OldFailed}")]
    public async Task A_caller_with_submit_and_read_but_not_admin_is_403(string path)
    {
        using var client = _gateway.Client();

        using var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task An_admin_lists_its_own_organizations_series_newest_change_first()
    {
        var page = await GetJsonAsync(_adminKey, "api/admin/series");

        Assert.That(Ids(page), Is.EqualTo(new[] { AdminSeriesRows.Inferring, AdminSeriesRows.Completed, AdminSeriesRows.OldFailed }));
        Assert.That(page.GetProperty("nextCursor").ValueKind, Is.EqualTo(JsonValueKind.Null));
        var inferring = page.GetProperty("items")[0];
        Assert.That((inferring.GetProperty("status").GetString(), inferring.GetProperty("stage").GetString()), Is.EqualTo(("running", "Inference")));
    }

    [Test]
    public async Task An_admin_asking_for_another_organization_is_403_problem_json()
    {
        using var client = ClientWith(_adminKey);

        using var response = await client.GetAsync("api/admin/series?organization=other-hospital");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Filters_by_state_model_type_and_age_combine()
    {
        var failedOverAnHour = await GetJsonAsync(_adminKey, "api/admin/series?state=Failed&state=Inferring&olderThan=PT1H");
        var recent = await GetJsonAsync(_adminKey, "api/admin/series?newerThan=PT150M");
        var anomaly = await GetJsonAsync(_adminKey, "api/admin/series?modelType=xray-anomaly");

        Assert.That(Ids(failedOverAnHour), Is.EqualTo(new[] { AdminSeriesRows.OldFailed }));
        Assert.That(Ids(recent), Is.EqualTo(new[] { AdminSeriesRows.Inferring, AdminSeriesRows.Completed }));
        Assert.That(Ids(anomaly), Is.EqualTo(new[] { AdminSeriesRows.Completed }));
    }

    [Test]
    public async Task Pages_of_one_follow_the_cursor_to_every_series_once()
    {
        var seen = new List<string>();
        var cursor = "";
        for (var pages = 0; pages < 10 && cursor is not null; pages++)
        {
            var page = await GetJsonAsync(_adminKey, $"api/admin/series?limit=1{(cursor.Length == 0 ? "" : $"&cursor={cursor}")}");
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("nextCursor").GetString();
        }

        Assert.That(seen, Is.EqualTo(new[] { AdminSeriesRows.Inferring, AdminSeriesRows.Completed, AdminSeriesRows.OldFailed }));
    }

    [Test]
    public async Task Bad_parameters_are_400_naming_each_one()
    {
        using var client = ClientWith(_adminKey);

        using var response = await client.GetAsync("api/admin/series?state=failed&olderThan=an-hour&limit=501&cursor=xyz");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "state", "olderThan", "limit", "cursor" }));
    }

    [Test]
    public async Task The_timeline_shows_each_stage_reached_with_its_time_the_callbacks_and_the_reason()
    {
        var series = await GetJsonAsync(_adminKey, $"api/admin/series/{AdminSeriesRows.OldFailed}");

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
        using var admin = ClientWith(_adminKey);
        using var otherAdmin = ClientWith(_otherAdminKey);

        using var hidden = await admin.GetAsync($"api/admin/series/{AdminSeriesRows.OtherFailed}");
        using var ownedByOther = await otherAdmin.GetAsync($"api/admin/series/{AdminSeriesRows.OtherFailed}");
        var seenByOperator = await GetJsonAsync(_operatorKey, $"api/admin/series/{AdminSeriesRows.OtherFailed}");

        Assert.That(hidden.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(ownedByOther.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(seenByOperator.GetProperty("organization").GetString(), Is.EqualTo("other-hospital"));
    }

    [Test]
    public async Task An_operator_lists_every_organization_or_the_one_it_names()
    {
        var all = await GetJsonAsync(_operatorKey, "api/admin/series?state=Failed");
        var other = await GetJsonAsync(_operatorKey, "api/admin/series?organization=other-hospital");

        Assert.That(Ids(all), Is.EqualTo(new[] { AdminSeriesRows.OldFailed, AdminSeriesRows.OtherFailed }));
        Assert.That(Ids(other), Is.EqualTo(new[] { AdminSeriesRows.OtherFailed }));
    }

    private HttpClient ClientWith(string key)
    {
        var client = _gateway.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", key);
        return client;
    }

    private async Task<JsonElement> GetJsonAsync(string key, string path)
    {
        using var client = ClientWith(key);
        using var response = await client.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("correlationId").GetString()!)];
}
