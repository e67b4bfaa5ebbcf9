using System.Net;
using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// The gateway answers status from the orchestrator's read model (medpipe_read.series_status) only: here a
/// database with the pipeline's grants holding just that table, created and written as the orchestrator's
/// role does, and read by the gateway as its own read-only role.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_the_series_status_is_read
{
    private const string Running = "c0ffee00-0000-4000-8000-000000000001";
    private const string Finished = "c0ffee00-0000-4000-8000-000000000002";

    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("status");
        await using (var connection = new NpgsqlConnection(database.Orchestrator))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                {SeriesStatusTable.Create}
                INSERT INTO medpipe_read.series_status VALUES
                ('{Running}', 'st-olaf', '1.2.3', '1.2.3.4', 'ct-lesion-classifier', 'Inferring', NULL, 'Inference', NULL, 1, gen_random_uuid(),
                 NULL, NULL, NULL, NULL, '2026-11-27T10:00:00.123456Z', NULL, NULL, NULL, NULL, NULL, NULL, '{"{"}{"}"}', now(), NULL),
                ('{Finished}', 'st-olaf', '1.2.3', '1.2.3.5', 'xray-anomaly', 'Completed', 'completed', NULL, NULL, 2, gen_random_uuid(),
                 'CR', 2, 1, 4096, '2026-11-27T09:00:00Z', '2026-11-27T09:00:01Z', '2026-11-27T09:00:02Z', '2026-11-27T09:00:03Z',
                 '2026-11-27T09:00:04Z', '2026-11-27T09:00:05Z',
                 '{"{"}"Model": {"{"}"ModelType": "xray-anomaly", "Name": "Radiograph anomaly detector", "Version": "1.0.0", "Sha256": "684c"{"}"},
                   "Task": "anomaly", "InstanceCount": 1, "ReconstructionMse": 0.0051, "IsAnomaly": true, "Threshold": 0.0033{"}"}',
                 '{"{"}"backend-1": "delivered (HTTP 204, 1 attempt(s))"{"}"}', now(),
                 '[{"{"}"SopInstanceUid": "1.2.3.5.1", "Frame": 1, "StoreKey": "series/x/y/heatmaps/row-00000.png", "Width": 64, "Height": 48{"}"}]');
                """, connection);
            await command.ExecuteNonQueryAsync();
        }

        _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(), ("ConnectionStrings__SeriesStatus", database.Gateway));
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task A_running_series_shows_its_state_and_its_stage_in_lower_case()
    {
        using var client = _gateway.Client();

        var json = await client.GetStringAsync("api/studies/series/1.2.3.4/status?organization=st-olaf&modelType=ct-lesion-classifier");

        Assert.That(json, Is.EqualTo(
            $$$"""{"correlationId":"{{{Running}}}","organization":"st-olaf","studyInstanceUid":"1.2.3","seriesInstanceUid":"1.2.3.4","modelType":"ct-lesion-classifier","state":"Inferring","status":"running","stage":"inference","reason":null,"attempt":1,"found":null,"timestamps":{"receivedAt":"2026-11-27T10:00:00.123456+00:00","unpackingStartedAt":null,"unpackedAt":null,"preprocessedAt":null,"inferredAt":null,"finishedAt":null},"result":null,"callbacks":{},"heatmaps":[],"statusUrl":"/api/studies/series/1.2.3.4/status?organization=st-olaf&modelType=ct-lesion-classifier&studyInstanceUid=1.2.3"}"""));
    }

    [Test]
    public async Task A_finished_series_shows_what_was_found_its_times_result_and_callbacks()
    {
        using var client = _gateway.Client();

        var json = await client.GetStringAsync("api/studies/series/1.2.3.5/status?organization=st-olaf&modelType=xray-anomaly&studyInstanceUid=1.2.3");

        Assert.That(json, Is.EqualTo(
            $$$"""{"correlationId":"{{{Finished}}}","organization":"st-olaf","studyInstanceUid":"1.2.3","seriesInstanceUid":"1.2.3.5","modelType":"xray-anomaly","state":"Completed","status":"completed","stage":null,"reason":null,"attempt":2,"found":{"modality":"CR","instanceCount":2,"imageInstanceCount":1,"totalBytes":4096},"timestamps":{"receivedAt":"2026-11-27T09:00:00+00:00","unpackingStartedAt":"2026-11-27T09:00:01+00:00","unpackedAt":"2026-11-27T09:00:02+00:00","preprocessedAt":"2026-11-27T09:00:03+00:00","inferredAt":"2026-11-27T09:00:04+00:00","finishedAt":"2026-11-27T09:00:05+00:00"},"result":{"model":{"model_type":"xray-anomaly","name":"Radiograph anomaly detector","version":"1.0.0","sha256":"684c"},"task":"anomaly","instance_count":1,"reconstruction_mse":0.0051,"is_anomaly":true,"threshold":0.0033,"instances":[],"timings_ms":{}},"callbacks":{"backend-1":"delivered (HTTP 204, 1 attempt(s))"},"heatmaps":[{"sopInstanceUid":"1.2.3.5.1","frame":1,"width":64,"height":48,"url":"/api/studies/series/1.2.3.5/heatmaps/1.2.3.5.1/1?organization=st-olaf&modelType=xray-anomaly&studyInstanceUid=1.2.3"}],"statusUrl":"/api/studies/series/1.2.3.5/status?organization=st-olaf&modelType=xray-anomaly&studyInstanceUid=1.2.3"}"""));
    }

    [Test]
    public async Task A_series_nobody_asked_for_is_404()
    {
        using var client = _gateway.Client();

        using var response = await client.GetAsync("api/studies/series/9.9.9/status?organization=st-olaf&modelType=xray-anomaly");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
