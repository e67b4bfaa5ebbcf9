using System.Net;
using MedPipeline.Organizations;
using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// GET …/heatmaps/{sop}/{frame} serves a PNG the status read model names, from the store, to the series' own
/// organization only; everyone else gets what the status endpoint gives them.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_series_heatmap_is_fetched
{
    private const string Series = "c0ffee00-0000-4000-8000-00000000000a";
    private const string Url = "api/studies/series/1.2.3.9/heatmaps/1.2.3.9.2/1?modelType=xray-anomaly";
    private static readonly string Key = $"series/{Guid.Parse(Series):N}/0123/heatmaps/row-00001.png";
    private static readonly byte[] Png = Imaging.GrayscalePng.Encode([0f, 0.5f, 1f, 0.25f], 2, 2);

    private readonly string _northKey = ApiKeys.NewKey();
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("heatmaps");
        await using (var connection = new NpgsqlConnection(database.Orchestrator))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                {SeriesStatusTable.Create}
                INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, status,
                    attempt, attempt_id, callbacks, updated_at, heatmaps)
                VALUES ('{Series}', 'st-olaf', '1.2.3', '1.2.3.9', 'xray-anomaly', 'Completed', 'completed', 1, gen_random_uuid(), '{"{"}{"}"}', now(),
                    '[{"{"}"SopInstanceUid": "1.2.3.9.2", "Frame": 1, "StoreKey": "{Key}", "Width": 2, "Height": 2{"}"}]');
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), ("ConnectionStrings__SeriesStatus", database.Gateway),
            ("Organizations__north__CallbackBaseUrl", "http://127.0.0.1:9/"), ("Organizations__north__ApiKeys__0__Id", "north-tests"),
            ("Organizations__north__ApiKeys__0__Sha256", ApiKeys.HashOf(_northKey)));
        var file = Path.Combine(_gateway.Store, Key);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, Png);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task The_series_organization_gets_the_PNG_uncached()
    {
        using var client = _gateway.Client();

        using var response = await client.GetAsync(Url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        Assert.That(response.Headers.CacheControl!.NoStore, Is.True);
        Assert.That(await response.Content.ReadAsByteArrayAsync(), Is.EqualTo(Png));
    }

    [Test]
    public async Task A_caller_without_credentials_is_401()
    {
        using var client = _gateway.Factory.CreateClient();

        using var response = await client.GetAsync(Url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Another_organization_is_404_as_for_the_status()
    {
        using var client = _gateway.Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", _northKey);

        using var heatmap = await client.GetAsync(Url);
        using var status = await client.GetAsync("api/studies/series/1.2.3.9/status?modelType=xray-anomaly");

        Assert.That((heatmap.StatusCode, status.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
    }

    [TestCase("api/studies/series/1.2.3.9/heatmaps/1.2.3.9.2/2?modelType=xray-anomaly")]
    [TestCase("api/studies/series/1.2.3.9/heatmaps/1.2.3.9.7/1?modelType=xray-anomaly")]
    [TestCase("api/studies/series/1.2.3.9/heatmaps/1.2.3.9.2/1?modelType=ct-lesion-classifier")]
    public async Task A_frame_instance_or_model_without_a_heatmap_is_404(string url)
    {
        using var client = _gateway.Client();

        using var response = await client.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
