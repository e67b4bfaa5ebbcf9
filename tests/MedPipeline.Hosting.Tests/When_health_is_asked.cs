using System.Net;
using MedPipeline.Hosting.Health;
using MedPipeline.Hosting.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MedPipeline.Hosting.Tests;

public sealed class When_health_is_asked
{
    [Test]
    public async Task Live_answers_200_and_ready_answers_503_while_the_database_does_not_answer()
    {
        using var console = new CapturedConsole();
        // Port 1 on loopback refuses at once: a database that is down.
        var builder = TestWebApps.Builder(("ConnectionStrings:Orchestrator", "Host=127.0.0.1;Port=1;Username=x;Password=y;Timeout=2"));
        await using var app = builder.Build();
        app.UseRouting();
        app.MapMedPipelineHealthEndpoints();
        await app.StartAsync();
        using var client = TestWebApps.ClientOf(app);

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        await app.StopAsync();
    }

    [TestCase(HealthStatus.Healthy, HttpStatusCode.OK)]
    [TestCase(HealthStatus.Degraded, HttpStatusCode.ServiceUnavailable)]
    [TestCase(HealthStatus.Unhealthy, HttpStatusCode.ServiceUnavailable)]
    public async Task Ready_answers_200_only_when_every_ready_check_is_healthy(HealthStatus bus, HttpStatusCode expected)
    {
        using var console = new CapturedConsole();
        var builder = TestWebApps.Builder();
        // What MassTransit's bus check reports: Degraded while it reconnects after a broker restart.
        builder.Services.AddHealthChecks().AddCheck("bus", () => new HealthCheckResult(bus), [HealthTags.Ready]);
        await using var app = builder.Build();
        app.UseRouting();
        app.MapMedPipelineHealthEndpoints();
        await app.StartAsync();
        using var client = TestWebApps.ClientOf(app);

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.That(ready.StatusCode, Is.EqualTo(expected));
        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a reconnecting bus does not make the process not-live");
        await app.StopAsync();
    }

    [Test]
    public async Task Readiness_includes_the_bus_which_is_not_ready_before_it_started()
    {
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder(("RabbitMq:Uri", "amqp://u:p@127.0.0.1:1/"));
        builder.AddMedPipelineMassTransit(_ => { });
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var ready = await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready));
        var live = await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Live));

        Assert.That(ready.Entries.Keys, Does.Contain("masstransit-bus"));
        Assert.That(ready.Entries["rabbitmq-reachable"].Status, Is.EqualTo(HealthStatus.Unhealthy), "port 1 refuses: the broker is not reachable");
        Assert.That(ready.Status, Is.EqualTo(HealthStatus.Unhealthy));
        Assert.That(live.Status, Is.EqualTo(HealthStatus.Healthy));
        Assert.That(live.Entries.Keys, Does.Contain("masstransit-bus-watchdog"));
    }

    [Test]
    public async Task The_broker_counts_as_reachable_while_its_port_accepts_connections()
    {
        using var console = new CapturedConsole();
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var builder = TestHosts.Builder(("RabbitMq:Uri", $"amqp://u:p@127.0.0.1:{port}/"));
            builder.AddMedPipelineMassTransit(_ => { });
            using var host = builder.Build();
            var health = host.Services.GetRequiredService<HealthCheckService>();

            var ready = await health.CheckHealthAsync(check => check.Name == "rabbitmq-reachable");

            Assert.That(ready.Status, Is.EqualTo(HealthStatus.Healthy));
        }
        finally
        {
            listener.Stop();
        }
    }
}
