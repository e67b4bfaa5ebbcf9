using System.Text.Json;
using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MedPipeline.Hosting.Tests;

/// <summary>Against the private RabbitMQ of the test run (Debian's rabbitmq-server; see docs/testing.md, "Tests against a real broker and database").</summary>
[Category(TestTiers.Integration)]
public sealed class When_the_bus_runs_on_a_real_broker
{
    [Test]
    public async Task A_message_is_consumed_the_bus_is_ready_and_a_definition_gets_its_quorum_queue()
    {
        var broker = await TestServices.RabbitMqAsync();
        var probe = new TimeoutProbe();
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder(("RabbitMq:Uri", broker.AmqpUri().ToString()));
        builder.Services.AddSingleton(probe);
        builder.AddMedPipelineMassTransit(x => x.AddConsumer<TimeoutProbe, TimeoutProbeDefinition>());
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var correlationId = Guid.NewGuid();
            await host.Services.GetRequiredService<IBus>().Publish(new SeriesStageTimedOut { CorrelationId = correlationId, AttemptId = Guid.NewGuid(), Stage = "unpack" });

            var received = await probe.Received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(received.CorrelationId, Is.EqualTo(correlationId));
            Assert.That(await ReadinessAsync(host), Is.EqualTo(HealthStatus.Healthy));
            using var management = broker.CreateManagementClient();
            using var queue = JsonDocument.Parse(await management.GetStringAsync(new Uri("api/queues/%2F/timeout-probe", UriKind.Relative)));
            Assert.That(queue.RootElement.GetProperty("type").GetString(), Is.EqualTo("quorum"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<HealthStatus> ReadinessAsync(IHost host)
    {
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready));
        for (var i = 0; i < 50 && report.Status != HealthStatus.Healthy; i++)
        {
            await Task.Delay(100);
            report = await health.CheckHealthAsync(check => check.Tags.Contains(HealthTags.Ready));
        }

        return report.Status;
    }
}
