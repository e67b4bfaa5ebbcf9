using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_a_message_is_redelivered
{
    [Test]
    public async Task The_saga_handles_it_once()
    {
        var environment = await ProbeEnvironment.CreateAsync("inbox");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();
        var bumpId = NewId.NextGuid();
        await using var host = await ProbeHost.StartAsync(environment, log);
        await host.Bus.Publish(new StartProbe { CorrelationId = id });
        await Eventually.Until(() => log.Count(nameof(ProbeStarted), id) == 1, "ProbeStarted is consumed");

        await host.Bus.Publish(new BumpProbe { CorrelationId = id }, c => c.MessageId = bumpId);
        await Eventually.Until(() => log.Count(nameof(ProbeBumped), id) == 1, "the first copy is handled");
        await host.Bus.Publish(new BumpProbe { CorrelationId = id }, c => c.MessageId = bumpId);
        await Task.Delay(Eventually.Settle);

        Assert.Multiple(async () =>
        {
            Assert.That(await database.ReadAsync(id), Is.EqualTo(new ProbeRow("Running", 2, 1, 0, null)));
            Assert.That(log.Count("bump-attempt", id), Is.EqualTo(1));
            Assert.That(log.Count(nameof(ProbeBumped), id), Is.EqualTo(1));
            Assert.That(await database.CountInboxAsync(bumpId), Is.EqualTo(1));
        });
    }
}
