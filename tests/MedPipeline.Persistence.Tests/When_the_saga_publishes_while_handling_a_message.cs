using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_the_saga_publishes_while_handling_a_message
{
    [Test]
    public async Task The_new_state_is_stored_and_the_message_reaches_a_consumer_over_RabbitMQ()
    {
        var environment = await ProbeEnvironment.CreateAsync("commit");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();
        await using (var host = await ProbeHost.StartAsync(environment, log))
        {
            await host.Bus.Publish(new StartProbe { CorrelationId = id });
            await Eventually.Until(() => log.Count(nameof(ProbeStarted), id) == 1, "ProbeStarted is consumed");
            await Eventually.Until(async () => await database.CountOutboxAsync(id, unsentOnly: true) == 0, "the outbox row is marked sent");
        }

        var row = await database.ReadAsync(id);
        Assert.Multiple(async () =>
        {
            Assert.That(row, Is.EqualTo(new ProbeRow("Running", 1, 0, 0, null)));
            Assert.That(await database.CountOutboxAsync(id), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_saga_queue_is_a_durable_quorum_queue()
    {
        var environment = await ProbeEnvironment.CreateAsync("quorum");
        await using (await ProbeHost.StartAsync(environment, new DeliveryLog()))
        {
            using var management = (await TestServices.RabbitMqAsync()).CreateManagementClient();
            var queues = await management.GetStringAsync($"api/queues/{Uri.EscapeDataString(environment.VirtualHost)}?columns=name,durable,type");
            Assert.That(queues, Does.Contain("""{"durable":true,"name":"Probe","type":"quorum"}"""));
        }
    }
}
