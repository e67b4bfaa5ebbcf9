using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_the_saga_fails_after_publishing
{
    [Test]
    public async Task Neither_the_row_nor_any_message_changes_and_only_the_Fault_goes_out()
    {
        var environment = await ProbeEnvironment.CreateAsync("rollback");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();
        var explodeId = NewId.NextGuid();
        await using var host = await ProbeHost.StartAsync(environment, log);
        await host.Bus.Publish(new StartProbe { CorrelationId = id });
        await Eventually.Until(() => log.Count(nameof(ProbeStarted), id) == 1, "ProbeStarted is consumed");

        await host.Bus.Publish(new ExplodeProbe { CorrelationId = id }, c => c.MessageId = explodeId);
        await Eventually.Until(() => log.Count("explode-attempt", id) == 6, "the first try and five retries fail");
        await Eventually.Until(() => log.Count("explode-fault", id) == 1, "the Fault<ExplodeProbe> event reaches its consumers");
        await Task.Delay(Eventually.Settle);

        Assert.Multiple(async () =>
        {
            Assert.That(await database.ReadAsync(id), Is.EqualTo(new ProbeRow("Running", 1, 0, 0, null)));
            Assert.That(log.Count(nameof(ProbeBumped), id), Is.Zero, "the message published before the failure leaked");
            Assert.That(await database.OutboxMessageTypesAsync(id), Does.Contain(nameof(ProbeStarted)).And.Not.Contain(nameof(ProbeBumped)));
            Assert.That(await database.CountInboxAsync(explodeId), Is.Zero, "a failed consume must not count as consumed");
        });
    }
}
