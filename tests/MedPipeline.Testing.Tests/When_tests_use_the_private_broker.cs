using System.Globalization;
using MassTransit;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Testing.Tests;

[Category(TestTiers.Integration)]
public sealed class When_tests_use_the_private_broker
{
    [Test]
    public async Task A_published_message_is_consumed_through_RabbitMQ()
    {
        var endpoint = await TestServices.RabbitMqAsync();
        var virtualHost = await endpoint.CreateVirtualHostAsync("probe");
        var received = new TaskCompletionSource<FixtureProbe>(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(endpoint.AmqpUri(virtualHost));
            cfg.ReceiveEndpoint("fixture-probe", e =>
                e.Handler<FixtureProbe>(context =>
                {
                    received.TrySetResult(context.Message);
                    return Task.CompletedTask;
                }));
        });
        await bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        try
        {
            var sent = new FixtureProbe { CorrelationId = NewId.NextGuid(), Text = "hello broker" };
            await bus.Publish(sent);
            var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.That(message, Is.EqualTo(sent));
        }
        finally
        {
            await bus.StopAsync();
        }

        using var management = endpoint.CreateManagementClient();
        var queue = await management.GetStringAsync($"api/queues/{Uri.EscapeDataString(virtualHost)}/fixture-probe");
        Assert.That(queue, Does.Contain("\"durable\":true"));
    }

    [Test]
    public async Task The_management_and_prometheus_plugins_answer()
    {
        var endpoint = await TestServices.RabbitMqAsync();
        using var management = endpoint.CreateManagementClient();
        var overview = await management.GetStringAsync("api/overview");
        Assert.That(overview, Does.Contain("\"management_version\""));

        Assume.That(endpoint.PrometheusUri, Is.Not.Null, "an external broker's prometheus port is not known");
        using var http = new HttpClient();
        var metrics = await http.GetStringAsync(endpoint.PrometheusUri);
        Assert.That(metrics, Does.Contain("rabbitmq_"));
    }

    [Test]
    public async Task The_private_broker_listens_only_on_loopback_ports_it_was_given()
    {
        var endpoint = await TestServices.RabbitMqAsync();
        Assume.That(TestServices.PrivateRabbitMq, Is.Not.Null, "an external broker is in use");
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(endpoint.AmqpPort, Is.Not.EqualTo(5672));
            Assert.That(endpoint.ManagementUri.Port, Is.Not.EqualTo(15672));
        });
        var marked = MarkedProcesses.FindAll();
        Assert.That(marked.Select(p => p.Pid), Does.Contain(TestServices.PrivateRabbitMq!.Pid),
            string.Create(CultureInfo.InvariantCulture, $"broker PID {TestServices.PrivateRabbitMq.Pid} is not marked"));
    }
}
