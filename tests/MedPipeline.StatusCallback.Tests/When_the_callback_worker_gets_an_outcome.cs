using System.Net;
using System.Text.Json.Nodes;
using MassTransit.Testing;
using MedPipeline.Contracts;

namespace MedPipeline.StatusCallback.Tests;

public sealed class When_the_callback_worker_gets_an_outcome
{
    internal static readonly SendSeriesStatusCallback Completed = new()
    {
        CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid(), CallbackId = Guid.NewGuid(), Organization = "st-olaf", SeriesId = "backend-7",
        ModelType = "xray-anomaly", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Status = SeriesStatus.Completed,
        Prediction = new SeriesPrediction
        {
            Model = new ModelInfo { ModelType = "xray-anomaly", Name = "Radiograph anomaly detector", Version = "1.0.0", Sha256 = "684c" },
            Task = "anomaly", InstanceCount = 2, ReconstructionMse = 0.0051, IsAnomaly = true, Threshold = 0.0033,
            Instances = [new InstancePrediction { SopInstanceUid = "1.2.3.4.1", InstanceNumber = 1, ReconstructionMse = 0.0051, IsAnomaly = true }],
        },
    };

    [Test]
    public async Task A_delivered_callback_carries_the_result_in_snake_case_and_is_reported()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.ServiceUnavailable), ScriptedBackend.Status(HttpStatusCode.NoContent));
        await using var run = await RunAsync(backend, Completed);

        Assert.That(await run.Harness.Published.Any<SeriesStatusCallbackDelivered>(), Is.True);
        var delivered = run.Harness.Published.Select<SeriesStatusCallbackDelivered>().Single().Context.Message;
        Assert.That((delivered.SeriesId, delivered.StatusCode, delivered.Attempts), Is.EqualTo(("backend-7", 204, 2)));
        Assert.That(delivered.AttemptId, Is.EqualTo(Completed.AttemptId), "the outcome names the attempt it belongs to");
        var body = JsonNode.Parse(backend.Requests[^1].Body)!;
        Assert.That(backend.Requests[^1].Uri.AbsolutePath, Is.EqualTo("/api/studies/series/backend-7/status"));
        Assert.That((string?)body["status"], Is.EqualTo("completed"));
        Assert.That((double?)body["result"]!["reconstruction_mse"], Is.EqualTo(0.0051));
        Assert.That((bool?)body["result"]!["is_anomaly"], Is.True);
        Assert.That((string?)body["result"]!["model"]!["sha256"], Is.EqualTo("684c"));
        Assert.That((int?)body["result"]!["instances"]![0]!["instance_number"], Is.EqualTo(1));
    }

    [Test]
    public async Task A_refused_callback_is_reported_as_failed_and_not_retryable()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.NotFound));
        await using var run = await RunAsync(backend, Completed with { Status = SeriesStatus.Failed, Reason = "the archive was rejected (ZipBomb)", Prediction = null });

        Assert.That(await run.Harness.Published.Any<SeriesStatusCallbackFailed>(), Is.True);
        var failed = run.Harness.Published.Select<SeriesStatusCallbackFailed>().Single().Context.Message;
        Assert.That((failed.Retryable, failed.Attempts), Is.EqualTo((false, 1)));
        Assert.That(failed.AttemptId, Is.EqualTo(Completed.AttemptId), "the outcome names the attempt it belongs to");
        Assert.That(failed.Reason, Does.Contain("404"));
        Assert.That((string?)JsonNode.Parse(backend.Requests[0].Body)!["reason"], Is.EqualTo("the archive was rejected (ZipBomb)"));
    }

    private static async Task<CallbackWorker> RunAsync(ScriptedBackend backend, SendSeriesStatusCallback message)
    {
        var worker = await CallbackWorker.StartAsync(backend);
        await worker.ConsumeAsync(message);
        return worker;
    }
}
