using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using MedPipeline.Testing;

namespace MedPipeline.Testing.Tests;

/// <summary>
/// infra/prometheus as Prometheus 2.42 reads it (Debian's promtool, installed by infra/setup.sh), and the
/// broker metrics its alerts name as a real RabbitMQ exports them on the scrape configuration's endpoint.
/// </summary>
[Category(TestTiers.Integration)]
public sealed partial class When_the_prometheus_files_are_checked
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "infra", "prometheus");

    [Test]
    public async Task Promtool_accepts_the_scrape_configuration_and_its_alert_rules()
    {
        var (exitCode, output) = await PromtoolAsync("check", "config", Path.Combine(Folder, "prometheus.yml"));

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("SUCCESS: 1 rule files found"));
    }

    [Test]
    public async Task Promtool_finds_every_alert_rule()
    {
        var (exitCode, output) = await PromtoolAsync("check", "rules", Path.Combine(Folder, "alerts.yml"));

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("SUCCESS: 6 rules found"));
    }

    [Test]
    public async Task The_queue_alerts_fire_in_their_situations_and_stay_quiet_in_the_neighbouring_ones()
    {
        var (exitCode, output) = await PromtoolAsync("test", "rules", Path.Combine(Folder, "alerts.test.yml"));

        Assert.That(exitCode, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("SUCCESS"));
        Assert.That(output, Does.Not.Contain("FAILED"));
    }

    [Test]
    public async Task Every_broker_metric_the_alerts_name_is_exported_by_a_real_broker()
    {
        var broker = await TestServices.RabbitMqAsync();
        using var management = broker.CreateManagementClient();
        // A queue with a message, so every per-queue series exists.
        (await management.PutAsync("api/queues/%2F/prometheus-probe", new StringContent("{}", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        using var publish = new StringContent(
            $$"""{"properties":{"timestamp":{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},"routing_key":"prometheus-probe","payload":"probe","payload_encoding":"string"}""",
            Encoding.UTF8, "application/json");
        (await management.PostAsync("api/exchanges/%2F/amq.default/publish", publish)).EnsureSuccessStatusCode();
        using var scraper = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var rules = (await File.ReadAllLinesAsync(Path.Combine(Folder, "alerts.yml"))).Where(line => !line.TrimStart().StartsWith('#'));
        var named = rules.SelectMany(line => BrokerMetric().Matches(line)).Select(m => m.Value).Distinct().ToList();

        // The plugin's queue figures are the broker's statistics, refreshed every 5 s by default.
        var probeCounted = new Regex("\nrabbitmq_detailed_queue_messages_ready\\{[^}]*queue=\"prometheus-probe\"[^}]*\\} 1\n");
        var exported = "";
        for (var i = 0; i < 100 && !probeCounted.IsMatch(exported); i++)
        {
            await Task.Delay(200);
            exported = "\n" + await scraper.GetStringAsync(new Uri(broker.PrometheusUri!, "/metrics/detailed?family=queue_coarse_metrics&family=queue_metrics"));
        }

        Assert.That(named, Is.SupersetOf(new[] { "rabbitmq_detailed_queue_messages_ready", "rabbitmq_detailed_queue_consumers", "rabbitmq_detailed_queue_messages" }));
        Assert.That(named.Where(n => !exported.Contains($"\n{n}{{", StringComparison.Ordinal)), Is.Empty, "named by alerts.yml but not exported");
        Assert.That(probeCounted.IsMatch(exported), Is.True, "the probe queue's message is counted");
    }

    [GeneratedRegex(@"\brabbitmq_[a-z_]+")]
    private static partial Regex BrokerMetric();

    private static async Task<(int ExitCode, string Output)> PromtoolAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("promtool") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
