using System.Net;
using System.Text.Json;
using MedPipeline.Gateway.Similar;
using MedPipeline.Organizations;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Gateway.Tests;

/// <summary>GET …/similar on a real read model: nearest earlier series of the caller's organization and the same model file.</summary>
[Category(TestTiers.Integration)]
public sealed class When_similar_series_are_asked_for
{
    private const string Path = "/api/studies/series/9.1/similar?modelType=xray-anomaly";

    private AdminGateway _gateway = null!;
    private string _otherReader = "";
    private string _database = "";

    [OneTimeSetUp]
    public async Task Start()
    {
        _otherReader = ApiKeys.NewKey();
        _gateway = await AdminGateway.StartAsync(async orchestrator =>
            {
                _database = orchestrator;
                await SimilarCaseRows.WriteAsync(orchestrator);
            },
            ("Organizations__other-hospital__ApiKeys__1__Id", "other-reader"),
            ("Organizations__other-hospital__ApiKeys__1__Sha256", ApiKeys.HashOf(_otherReader)),
            ("Organizations__other-hospital__ApiKeys__1__Roles__0", "read"));
    }

    [OneTimeTearDown]
    public async Task Stop() => await _gateway.DisposeAsync();

    [Test]
    public async Task The_nearest_earlier_series_of_the_same_model_come_first_with_their_distance_and_outcome()
    {
        var answer = await _gateway.GetJsonAsync(_gateway.Series.ApiKey, Path);

        var items = answer.GetProperty("items").EnumerateArray().ToList();
        Assert.That(items.Select(i => i.GetProperty("correlationId").GetString()),
            Is.EqualTo(new[] { SimilarCaseRows.Near, SimilarCaseRows.Middle, SimilarCaseRows.Far }),
            "not later series, not another model file, not another organization, not a failed series");
        Assert.That(items.Select(i => i.GetProperty("distance").GetDouble()),
            Is.EqualTo(new[] { Math.Sqrt(0.4), Math.Sqrt(0.8), Math.Sqrt(2) }).Within(1e-5));
        Assert.That(items[0].GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(items[0].GetProperty("isAnomaly").GetBoolean(), Is.True);
        Assert.That(items[0].GetProperty("statusUrl").GetString(), Does.StartWith("/api/studies/series/9.2/status"));
    }

    [Test]
    public async Task The_index_is_loaded_in_the_background_when_the_gateway_starts()
    {
        var index = _gateway.Series.Factory.Services.GetRequiredService<SimilarCaseIndex>();
        for (var i = 0; i < 100 && index.CountOf("st-olaf", "xray-anomaly") == 0; i++)
        {
            await Task.Delay(100);
        }

        // st-olaf's six completed xray-anomaly series with vectors (the failed one is no similar case), maybe more from another test.
        Assert.That(index.CountOf("st-olaf", "xray-anomaly"), Is.GreaterThanOrEqualTo(6));
        Assert.That(index.CountOf("other-hospital", "xray-anomaly"), Is.EqualTo(1));
    }

    [Test]
    public async Task K_limits_the_answer()
    {
        var answer = await _gateway.GetJsonAsync(_gateway.Series.ApiKey, Path + "&k=1");

        Assert.That(AdminGateway.Ids(answer), Is.EqualTo(new[] { SimilarCaseRows.Near }));
    }

    [Test]
    public async Task A_series_completed_or_deleted_since_the_last_query_is_seen_at_the_next()
    {
        // A model file of its own, so that the other tests' series are untouched.
        string Id(int n) => $"5e5e0000-0000-4000-8000-0000000001{n:D2}";
        await SimilarCaseRows.InsertAsync(_database, Id(1), "st-olaf", "9.20", "completed", "sha-c", "12:00", 1, 0, 0);
        await SimilarCaseRows.InsertAsync(_database, Id(2), "st-olaf", "9.21", "completed", "sha-c", "11:00", 0.8, 0.6, 0);
        await SimilarCaseRows.InsertAsync(_database, Id(3), "st-olaf", "9.22", "completed", "sha-c", "10:00", 0.6, 0.8, 0);
        const string Asked = "/api/studies/series/9.20/similar?modelType=xray-anomaly";
        Assert.That(AdminGateway.Ids(await _gateway.GetJsonAsync(_gateway.Series.ApiKey, Asked)), Is.EqualTo(new[] { Id(2), Id(3) }));

        await SimilarCaseRows.ExecuteAsync(_database, $"DELETE FROM medpipe_read.series_status WHERE correlation_id = '{Id(2)}'");
        await SimilarCaseRows.InsertAsync(_database, Id(4), "st-olaf", "9.23", "completed", "sha-c", "11:30", 0.99, 0.141, 0);

        Assert.That(AdminGateway.Ids(await _gateway.GetJsonAsync(_gateway.Series.ApiKey, Asked)), Is.EqualTo(new[] { Id(4), Id(3) }));
    }

    [TestCase("&k=0", "k")]
    [TestCase("&k=51", "k")]
    [TestCase("&k=three", "k")]
    public async Task A_bad_parameter_is_400_naming_it(string query, string field)
    {
        using var client = _gateway.ClientWith(_gateway.Series.ApiKey);
        using var response = await client.GetAsync(Path + query);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True);
    }

    [Test]
    public async Task Another_organization_cannot_see_that_the_series_exists()
    {
        using var other = _gateway.ClientWith(_otherReader);
        using var mine = _gateway.ClientWith(_gateway.Series.ApiKey);

        using var theirs = await other.GetAsync(Path + "&organization=other-hospital");
        using var unknown = await mine.GetAsync("/api/studies/series/9.404/similar?modelType=xray-anomaly");

        Assert.That((theirs.StatusCode, unknown.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [Test]
    public async Task A_series_without_a_result_has_nothing_to_compare_yet()
    {
        using var client = _gateway.ClientWith(_gateway.Series.ApiKey);
        using var response = await client.GetAsync("/api/studies/series/1.2.3.2/similar?modelType=ct-lesion-classifier");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("completed result"));
    }

    [Test]
    public async Task Without_credentials_it_is_401()
    {
        using var client = _gateway.Series.Factory.CreateClient();
        using var response = await client.GetAsync(Path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
