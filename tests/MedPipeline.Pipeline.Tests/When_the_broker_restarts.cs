using System.Diagnostics;
using System.Globalization;
using System.Net;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// Issue 10 item 4 (MassTransit #5692: a worker that never reconnected after the second RabbitMQ restart):
/// the shared broker's app is stopped and started three times in a row while series are in flight.
/// </summary>
[NonParallelizable]
public sealed class When_the_broker_restarts
{
    private const string Model = "ct-lesion-classifier";
    private const int Restarts = 3;
    private const int SeriesPerRound = 4;
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(3);
    // MassTransit's own reconnect takes 15-35 s after repeated restarts; a worker restarted by its watchdog and
    // supervisor is back in 15-25 s on a quiet 2-core machine. The bound leaves room for a loaded one.
    private static readonly TimeSpan ConsumeAgainWithin = TimeSpan.FromSeconds(45);

    [Test]
    public async Task Every_worker_consumes_again_within_seconds_of_each_restart_and_every_series_gets_exactly_one_callback()
    {
        var broker = TestServices.PrivateRabbitMq;
        Assert.That(broker, Is.Not.Null, "restarting needs the private broker of the test run (MEDPIPE_TEST_RABBITMQ is set)");
        using var client = new SeriesClient();
        using var queues = new BrokerQueues();
        string[] workQueues = ["series-state", "unpack-series-archive", "delete-series-data", "preprocess-series", "run-series-inference", "send-series-status-callback"];
        var before = Stopwatch.StartNew();
        foreach (var queue in workQueues)
        {
            // The management API's consumer counts lag a few seconds behind a fresh pipeline.
            while (await queues.ConsumersAsync(queue) == 0 && before.Elapsed < ConsumeAgainWithin)
            {
                await Task.Delay(200);
            }

            Assert.That(await queues.ConsumersAsync(queue), Is.GreaterThan(0), $"{queue} has a consumer before the first restart");
        }

        var submitted = new List<(SampleSeries Series, string SeriesId)>();

        for (var restart = 1; restart <= Restarts; restart++)
        {
            submitted.AddRange(await SubmitAsync(client));
            var pids = Consuming.ToDictionary(n => n, Pipeline.Running.PidOf);
            await broker!.StopAppAsync();
            var stillReady = new Dictionary<string, string>();
            var notReady = await UnreadyServicesAsync(stillReady);
            await Task.Delay(Down);
            await broker.StartAppAsync();
            var started = Stopwatch.StartNew();
            var consumingAgain = new Dictionary<string, double>();
            foreach (var queue in workQueues)
            {
                while (await queues.ConsumersAsync(queue) == 0 && started.Elapsed < ConsumeAgainWithin)
                {
                    await Task.Delay(100);
                }

                consumingAgain[queue] = started.Elapsed.TotalSeconds;
            }

            await AllReadyAsync();
            var readyAgain = started.Elapsed.TotalSeconds;
            var restarted = pids.Where(p => Pipeline.Running.PidOf(p.Key) != p.Value).Select(p => p.Key).ToList();
            await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"restart {restart}: not ready while down: {string.Join(", ", notReady)}; consuming again after (s): " +
                $"{string.Join(", ", consumingAgain.Select(q => $"{q.Key} {q.Value:0.0}"))}; every service ready after {readyAgain:0.0} s; " +
                $"started again by the supervisor after their watchdog gave up: {(restarted.Count == 0 ? "none" : string.Join(", ", restarted))}"));
            Assert.That(notReady, Is.SupersetOf(Consuming), $"restart {restart}: /health/ready answered 503 while the broker was down; last answers of the others: " +
                string.Join(", ", stillReady.Select(a => $"{a.Key} {a.Value}")));
            Assert.That(consumingAgain.Where(q => q.Value >= ConsumeAgainWithin.TotalSeconds).Select(q => q.Key), Is.Empty,
                $"restart {restart}: queues without a consumer {ConsumeAgainWithin.TotalSeconds} s after the broker came back\n{SeriesClient.Logs()}");
        }

        foreach (var (series, seriesId) in submitted)
        {
            var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(2));
            Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
            Assert.That(await client.SettledCallbacksAsync(seriesId, 1), Has.Count.EqualTo(1), $"exactly one callback for {seriesId}");
        }
    }

    private static IEnumerable<string> ServicesOnTheBus => PipelineService.All.Where(n => n != PipelineService.SampleBackend);

    /// <summary>The services with receive endpoints (the gateway only publishes).</summary>
    private static IEnumerable<string> Consuming => ServicesOnTheBus.Where(n => n != PipelineService.Gateway);

    private static async Task<List<(SampleSeries, string)>> SubmitAsync(SeriesClient client)
    {
        var round = new List<(SampleSeries, string)>();
        for (var i = 0; i < SeriesPerRound; i++)
        {
            var series = Pipeline.Samples.ForModel(Model, 3);
            var seriesId = SeriesClient.NewSeriesId();
            using var response = await client.SubmitAsync(series, Model, seriesId);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
            round.Add((series, seriesId));
        }

        return round;
    }

    /// <summary>
    /// The consuming services whose /health/ready answers 503 within 15 s of the broker going away; the others
    /// are named with their last answer (a status code or "no answer") in <paramref name="lastAnswers"/>.
    /// </summary>
    private static async Task<List<string>> UnreadyServicesAsync(Dictionary<string, string> lastAnswers)
    {
        var deadline = Stopwatch.StartNew();
        var unready = new HashSet<string>();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15) && unready.Count < Consuming.Count())
        {
            foreach (var name in Consuming.Where(n => !unready.Contains(n)))
            {
                var status = await ReadyStatusAsync(name);
                lastAnswers[name] = status?.ToString() ?? "no answer";
                if (status == HttpStatusCode.ServiceUnavailable)
                {
                    unready.Add(name);
                    lastAnswers.Remove(name);
                }
            }

            await Task.Delay(100);
        }

        return [.. unready];
    }

    private static async Task AllReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        var statuses = Array.Empty<HttpStatusCode?>();
        // Services the watchdog stopped start again all at once: on a loaded 2-core machine that alone took over a minute.
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            statuses = await Task.WhenAll(ServicesOnTheBus.Select(ReadyStatusAsync));
            if (statuses.All(s => s == HttpStatusCode.OK))
            {
                return;
            }

            await Task.Delay(200);
        }

        var answers = ServicesOnTheBus.Zip(statuses, (name, status) => $"{name} {status?.ToString() ?? "no answer"}");
        Assert.Fail($"not every service was ready again within 120 s: {string.Join(", ", answers)}\n{SeriesClient.Logs()}");
    }

    private static async Task<HttpStatusCode?> ReadyStatusAsync(string name)
    {
        using var http = new HttpClient { BaseAddress = Pipeline.Running.AddressOf(name), Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
