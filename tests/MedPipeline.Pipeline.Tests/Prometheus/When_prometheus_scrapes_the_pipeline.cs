using MedPipeline.SampleData;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>
/// Issue 12 on the real thing: Debian's Prometheus scrapes the running pipeline and its broker with the committed
/// scrape configuration and alert rules (targets rewritten, intervals and <c>for</c> shortened), after one series
/// completed and one failed.
/// </summary>
[NonParallelizable]
public sealed class When_prometheus_scrapes_the_pipeline
{
    private const string Model = "ct-lesion-classifier";
    private static readonly TimeSpan Scraped = TimeSpan.FromSeconds(30);
    private PrivatePrometheus? _prometheus;

    private PrivatePrometheus Prometheus => _prometheus ?? throw new InvalidOperationException("Prometheus did not start.");

    [OneTimeSetUp]
    public async Task StartPrometheusAndRunTwoSeriesAsync()
    {
        _prometheus = await PrometheusTestConfiguration.StartOnAsync(Pipeline.Running);

        using var client = new SeriesClient();
        string completed = SeriesClient.NewSeriesId(), failed = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(Pipeline.Samples.ForModel(Model, 2), Model, completed)).Dispose();
        (await client.SubmitAsync(SampleSeriesFactory.CorruptZip(), Model, failed)).Dispose();
        await client.WaitForCallbacksAsync(completed, 1);
        await client.WaitForCallbacksAsync(failed, 1);
        // The orchestrator counts its read model every second here (Pipeline's settings) and Prometheus scrapes every second.
        await Task.Delay(TimeSpan.FromSeconds(3));
    }

    [OneTimeTearDown]
    public async Task StopPrometheusAsync() => await (_prometheus?.DisposeAsync() ?? ValueTask.CompletedTask);

    [Test, Order(1)]
    public async Task Every_target_of_the_committed_configuration_is_up()
    {
        var targets = await Polling.UntilAsync(Prometheus.TargetsAsync, all => all.All(t => t.Health == "up"), Scraped);

        Assert.That(targets.Select(t => t.Job).Distinct(), Is.EquivalentTo(new[] { "medpipeline", "rabbitmq", "rabbitmq-queues" }));
        Assert.That(targets.Count(t => t.Job == "medpipeline"), Is.EqualTo(PipelineScrapeTargets.Services.Count));
        Assert.That(targets.Where(t => t.Health != "up").Select(t => $"{t.Job} {t.Url}: {t.Health} {t.Error}"), Is.Empty, Prometheus.Log);
    }

    [Test, Order(2)]
    public async Task Our_metrics_arrive_by_stage_model_organization_and_state_with_sensible_values()
    {
        var instances = await ByLabelAsync("sum by (medpipeline_stage) (medpipeline_instances_processed_total)", "medpipeline_stage", 3);
        var ok = await ByLabelAsync("sum by (medpipeline_stage) (medpipeline_stage_duration_milliseconds_count{outcome=\"ok\"})", "medpipeline_stage", 4);
        var failed = await ByLabelAsync("sum by (medpipeline_stage) (medpipeline_stage_duration_milliseconds_count{outcome=\"failed\"})", "medpipeline_stage", 1);
        var modelRuns = await ByLabelAsync("sum by (medpipeline_model) (medpipeline_model_run_duration_milliseconds_count)", "medpipeline_model", 1);
        var callbacks = await ByLabelAsync("sum by (medpipeline_organization) (medpipeline_callbacks_total{outcome=\"delivered\"})", "medpipeline_organization", 1);
        var series = await ByLabelAsync("max by (medpipeline_state) (medpipeline_series{medpipeline_organization=\"st-olaf\"})", "medpipeline_state", 2);
        var stuck = await ByLabelAsync("max by (medpipeline_stage) (medpipeline_series_stuck)", "medpipeline_stage", 3);
        var meanRun = (await Prometheus.QueryAsync(
            $"sum(medpipeline_model_run_duration_milliseconds_sum{{medpipeline_model=\"{Model}\"}}) / sum(medpipeline_model_run_duration_milliseconds_count{{medpipeline_model=\"{Model}\"}})")).Result;

        Assert.Multiple(() =>
        {
            foreach (var stage in new[] { "unpack", "preprocess", "inference" })
            {
                Assert.That(instances.GetValueOrDefault(stage), Is.GreaterThanOrEqualTo(2), $"instances (frames) processed by {stage}");
            }

            Assert.That(ok.Keys, Is.SupersetOf(new[] { "unpack", "preprocess", "inference", "callback" }), "stages that finished ok");
            Assert.That(ok.Values, Is.All.GreaterThanOrEqualTo(1));
            Assert.That(failed.GetValueOrDefault("unpack"), Is.GreaterThanOrEqualTo(1), "the corrupt archive failed at unpack");
            Assert.That(modelRuns.GetValueOrDefault(Model), Is.GreaterThanOrEqualTo(1), "model runs");
            Assert.That(meanRun.Single().Value, Is.GreaterThan(0).And.LessThan(60_000), "mean model run time (ms)");
            Assert.That(callbacks.GetValueOrDefault("st-olaf"), Is.GreaterThanOrEqualTo(2), "callbacks delivered to st-olaf");
            Assert.That(series.GetValueOrDefault("Completed"), Is.GreaterThanOrEqualTo(1), "completed series");
            Assert.That(series.GetValueOrDefault("Failed"), Is.GreaterThanOrEqualTo(1), "failed series");
            Assert.That(stuck, Is.EquivalentTo(new Dictionary<string, double> { ["Unpack"] = 0, ["Preprocess"] = 0, ["Inference"] = 0 }), "stuck series");
        });
    }

    [Test, Order(3)]
    public async Task The_broker_metrics_show_every_work_queue_with_a_consumer()
    {
        string[] workQueues = ["series-state", "unpack-series-archive", "preprocess-series", "run-series-inference", "send-series-status-callback"];

        var consumers = await ByLabelAsync("max by (queue) (rabbitmq_detailed_queue_consumers)", "queue", workQueues.Length);
        var ready = await ByLabelAsync("max by (queue) (rabbitmq_detailed_queue_messages_ready)", "queue", workQueues.Length);
        var connections = (await Prometheus.QueryAsync("sum(rabbitmq_connections)")).Result;

        Assert.Multiple(() =>
        {
            foreach (var queue in workQueues)
            {
                Assert.That(consumers.GetValueOrDefault(queue), Is.GreaterThanOrEqualTo(1), $"consumers of {queue}");
                Assert.That(ready.ContainsKey(queue), Is.True, $"messages ready in {queue} are reported");
            }

            Assert.That(connections.Single().Value, Is.GreaterThanOrEqualTo(PipelineScrapeTargets.Services.Count), "the services' broker connections (node-wide job)");
        });
    }

    [Test, Order(4)]
    public async Task Every_dashboard_panel_query_parses_and_returns_data()
    {
        var queries = GrafanaDashboard.Queries();
        var failing = new List<string>();
        foreach (var (panel, expression) in queries)
        {
            var (status, result, body) = await Prometheus.QueryAsync(expression);
            if (status != "success" || result.Count == 0)
            {
                failing.Add($"{panel}: {expression} -> {status}, {result.Count} series: {body}");
            }
        }

        Assert.That(queries, Has.Count.GreaterThanOrEqualTo(15), "panel queries");
        Assert.That(failing, Is.Empty, "panel queries that do not parse or return no data");
    }

    [Test, Order(5)]
    public async Task Every_alert_rule_evaluates_and_every_metric_it_names_is_scraped()
    {
        var rules = await Prometheus.RulesAsync();
        var named = PrometheusTestConfiguration.MetricsNamedByTheAlerts();
        var missing = new List<string>();
        foreach (var metric in named)
        {
            if ((await Prometheus.QueryAsync($"count({{__name__=\"{metric}\"}})")).Result.Count == 0)
            {
                missing.Add(metric);
            }
        }

        Assert.That(rules.Select(r => r.Name), Is.EquivalentTo(new[]
        {
            "QueueHasMessagesAndNoConsumer", "QueueGrowing", "QueueNotConsumed", "ErrorOrDeadLetterQueueNotEmpty", "SeriesStuck", "CallbackFailures",
        }));
        Assert.That(rules.Where(r => r.Health != "ok").Select(r => $"{r.Name}: {r.Health} {r.Error}"), Is.Empty, "rules Prometheus could not evaluate");
        Assert.That(named, Has.Count.GreaterThanOrEqualTo(6), "metrics named by alerts.yml");
        Assert.That(missing, Is.Empty, "named by alerts.yml but not scraped");
    }

    /// <summary>Polls a query grouped by <paramref name="label"/> until it has at least <paramref name="atLeast"/> groups (scrapes lag a little); its values by label value.</summary>
    private async Task<Dictionary<string, double>> ByLabelAsync(string query, string label, int atLeast)
    {
        var result = await Prometheus.WaitForAsync(query, r => r.Count >= atLeast, Scraped);
        return result.ToDictionary(s => s[label], s => s.Value);
    }
}
