using System.Diagnostics;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>
/// Issue 12: one alert of the committed rules made to fire on the real Prometheus. The shared Inference worker is
/// stopped while a series waits for it, then started again (whatever happens) so later tests find every service running.
/// </summary>
[NonParallelizable]
public sealed class When_the_inference_worker_stops_with_work_queued
{
    private const string Model = "ct-lesion-classifier";
    private const string Queue = "run-series-inference";
    private const string Alert = "QueueHasMessagesAndNoConsumer";

    [Test]
    public async Task Prometheus_fires_the_no_consumer_alert_for_its_queue_and_the_series_completes_once_it_is_back()
    {
        var pipeline = Pipeline.Running;
        await using var prometheus = await PrometheusTestConfiguration.StartOnAsync(pipeline);
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 2);
        var seriesId = SeriesClient.NewSeriesId();
        var consumedBefore = await prometheus.WaitForAsync($"rabbitmq_detailed_queue_consumers{{queue=\"{Queue}\"}} >= 1", r => r.Count == 1, TimeSpan.FromSeconds(30));

        await pipeline.StopAsync(PipelineService.Inference);
        var running = false;
        try
        {
            (await client.SubmitAsync(series, Model, seriesId)).Dispose();
            await client.WaitForStatusAsync(series, Model, s => s.GetProperty("state").GetString() == "Inferring");
            var waiting = Stopwatch.StartNew();
            var alerts = await Polling.UntilAsync(prometheus.AlertsAsync, active => active.Any(IsOurs("firing")), TimeSpan.FromSeconds(90));
            var firedAfter = waiting.Elapsed;

            await pipeline.StartAsync(PipelineService.Inference);
            running = true;
            var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(2));
            var afterRestart = await Polling.UntilAsync(prometheus.AlertsAsync, active => !active.Any(IsOurs(null)), TimeSpan.FromSeconds(60));
            await TestContext.Out.WriteLineAsync($"{Alert} fired {firedAfter.TotalSeconds:0.0} s after the series reached Inferring");

            Assert.That(consumedBefore, Has.Count.EqualTo(1), $"{Queue} had its consumer before the stop");
            var firing = alerts.Where(IsOurs("firing")).ToList();
            Assert.That(firing, Has.Count.EqualTo(1), $"{Alert} firing for {Queue}; active alerts:\n{string.Join('\n', alerts)}");
            Assert.That(firing[0]["severity"], Is.EqualTo("critical"));
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
            Assert.That(await client.SettledCallbacksAsync(seriesId, 1), Has.Count.EqualTo(1), "exactly one callback");
            Assert.That(afterRestart.Where(IsOurs(null)), Is.Empty, $"{Alert} for {Queue} ends once the worker consumes again");
        }
        finally
        {
            if (!running)
            {
                await pipeline.StartAsync(PipelineService.Inference);
            }
        }
    }

    private static Func<PrometheusAlert, bool> IsOurs(string? state) =>
        alert => alert.Name == Alert && alert["queue"] == Queue && (state is null || alert.State == state);
}
