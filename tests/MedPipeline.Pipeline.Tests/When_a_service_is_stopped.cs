using System.Globalization;
using System.Net;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// Issue 12, graceful shutdown: every service exits within 5 s of SIGTERM (a rolling update, a supervisor's stop),
/// and a worker stopped in the middle of a series leaves its message to be redelivered: the series completes once.
/// </summary>
[NonParallelizable]
public sealed class When_a_service_is_stopped
{
    private const string Model = "ct-lesion-classifier";
    private const int Instances = 1200;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    [TestCase(PipelineService.Unpacker, "Received", "Unpacking")]
    [TestCase(PipelineService.Preprocessor, "Preprocessing")]
    [TestCase(PipelineService.Inference, "Inferring")]
    public async Task A_worker_stopped_mid_series_exits_within_5_s_and_the_series_completes_exactly_once(string worker, params string[] stoppedIn)
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, Instances);
        var seriesId = SeriesClient.NewSeriesId();
        var pipeline = Pipeline.Running;

        using var response = await client.SubmitAsync(series, Model, seriesId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var before = await client.WaitForStatusAsync(series, Model, s => stoppedIn.Contains(s.GetProperty("state").GetString())
            || s.GetProperty("status").GetString() != "running");
        var exitedAfter = await pipeline.TerminateAsync(worker, TimeSpan.FromSeconds(30));
        var stateAtStop = (await client.StatusAsync(series, Model))!.Value.GetProperty("state").GetString();
        await pipeline.StartAsync(worker);

        var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(3));
        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{worker}: exited {exitedAfter?.TotalSeconds:0.00} s after SIGTERM, series {before.GetProperty("state").GetString()} before and {stateAtStop} after the stop"));
        Assert.That(exitedAfter, Is.Not.Null.And.LessThanOrEqualTo(Grace), $"{worker} exits within {Grace.TotalSeconds} s of SIGTERM\n{pipeline.LogOf(worker)}");
        // The stop landed while the worker had the series; it either finished within its grace (the state moved on)
        // or was cancelled and its message went back to the queue (the state stayed): either way, once.
        Assert.That(stoppedIn, Does.Contain(before.GetProperty("state").GetString()), "SIGTERM was sent while the series was in the worker's stage");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
        Assert.That(status.GetProperty("attempt").GetInt32(), Is.EqualTo(1));
        Assert.That(status.GetProperty("result").GetProperty("instance_count").GetInt32(), Is.EqualTo(Instances));
        Assert.That(await client.SettledCallbacksAsync(seriesId, 1), Has.Count.EqualTo(1), "exactly one callback");
    }

    [TestCase(PipelineService.Orchestrator)]
    [TestCase(PipelineService.StatusCallback)]
    [TestCase(PipelineService.Gateway)]
    public async Task A_service_exits_within_5_s_of_SIGTERM_and_series_go_through_after_its_restart(string service)
    {
        var pipeline = Pipeline.Running;

        var exitedAfter = await pipeline.TerminateAsync(service, TimeSpan.FromSeconds(30));
        await pipeline.StartAsync(service);

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{service}: exited {exitedAfter?.TotalSeconds:0.00} s after SIGTERM"));
        Assert.That(exitedAfter, Is.Not.Null.And.LessThanOrEqualTo(Grace), $"{service} exits within {Grace.TotalSeconds} s of SIGTERM\n{pipeline.LogOf(service)}");
        // A client made after the restart: a restarted gateway listens on a new port.
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 3);
        var seriesId = SeriesClient.NewSeriesId();
        using var response = await client.SubmitAsync(series, Model, seriesId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(2));
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
        Assert.That(await client.SettledCallbacksAsync(seriesId, 1), Has.Count.EqualTo(1), "exactly one callback");
    }
}
