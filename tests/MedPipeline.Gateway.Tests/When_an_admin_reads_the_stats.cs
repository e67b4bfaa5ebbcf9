using System.Net;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// GET /api/admin/stats on a real database (read as the gateway's role) over <see cref="AdminSeriesRows"/> and
/// <see cref="AdminStatsRows"/>: counts per window, failed callbacks, and percentiles PostgreSQL computes.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_admin_reads_the_stats
{
    private AdminGateway _admin = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _admin = await AdminGateway.StartAsync(AdminStatsRows.WriteAsync);

    [OneTimeTearDown]
    public async Task StopAsync() => await _admin.DisposeAsync();

    [Test]
    public async Task Series_per_state_count_the_changes_of_the_last_hour_and_day_of_the_admins_organization_only()
    {
        var stats = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/stats");

        var series = stats.GetProperty("series").EnumerateArray()
            .Select(s => (s.GetProperty("organization").GetString(), s.GetProperty("state").GetString(), s.GetProperty("lastHour").GetInt64(), s.GetProperty("lastDay").GetInt64()));
        Assert.That(series, Is.EqualTo(new[] { ("st-olaf", "Completed", 2L, 3L), ("st-olaf", "Failed", 0L, 1L), ("st-olaf", "Inferring", 1L, 1L) }));
    }

    [Test]
    public async Task Failed_callbacks_count_the_given_up_and_the_waiting_ones()
    {
        var stats = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/stats");

        var failures = stats.GetProperty("callbackFailures").EnumerateArray()
            .Select(s => (s.GetProperty("organization").GetString(), s.GetProperty("lastHour").GetInt64(), s.GetProperty("lastDay").GetInt64()));
        Assert.That(failures, Is.EqualTo(new[] { ("st-olaf", 1L, 2L) }));
    }

    [Test]
    public async Task Stage_latencies_are_the_percentiles_of_the_last_days_stage_times()
    {
        var stats = await _admin.GetJsonAsync(_admin.AdminKey, "api/admin/stats");

        var latencies = stats.GetProperty("stageLatencies").EnumerateArray().ToDictionary(
            s => s.GetProperty("stage").GetString()!, s => (s.GetProperty("count").GetInt64(), s.GetProperty("p50Ms").GetDouble(), s.GetProperty("p95Ms").GetDouble()));
        // Unpacking took 2500 ms (the old failed series), 1000 and 3000 ms: the median is 2500, p95 interpolates 90 % of the way to 3000.
        Assert.That(latencies["unpack"], Is.EqualTo((3L, 2500.0, 2950.0)));
        Assert.That(latencies["queued"], Is.EqualTo((3L, 500.0, 950.0)));
        Assert.That(latencies["total"], Is.EqualTo((1L, 304000.0, 304000.0)));
        Assert.That(latencies.Keys, Is.EqualTo(new[] { "queued", "unpack", "preprocess", "total" }), "in pipeline order; a stage no series reached is absent");
    }

    [Test]
    public async Task An_operator_sees_every_organization_or_the_one_named()
    {
        var all = await _admin.GetJsonAsync(_admin.OperatorKey, "api/admin/stats");
        var other = await _admin.GetJsonAsync(_admin.OperatorKey, "api/admin/stats?organization=other-hospital");

        Assert.That(Organizations(all), Is.EqualTo(new[] { "other-hospital", "st-olaf" }));
        Assert.That(Organizations(other), Is.EqualTo(new[] { "other-hospital" }));
    }

    [Test]
    public async Task Without_credentials_it_is_401_for_an_ordinary_key_403_and_for_another_organization_403()
    {
        using var anonymous = _admin.Series.Factory.CreateClient();
        using var ordinary = _admin.Series.Client();
        using var admin = _admin.ClientWith(_admin.AdminKey);

        using var unauthenticated = await anonymous.GetAsync("api/admin/stats");
        using var forbidden = await ordinary.GetAsync("api/admin/stats");
        using var otherOrganization = await admin.GetAsync("api/admin/stats?organization=other-hospital");

        Assert.That((unauthenticated.StatusCode, forbidden.StatusCode, otherOrganization.StatusCode),
            Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    private static string[] Organizations(JsonElement stats) =>
        [.. stats.GetProperty("series").EnumerateArray().Select(s => s.GetProperty("organization").GetString()!).Distinct()];
}
