using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_the_process_dies_between_commit_and_relay
{
    [Test]
    public async Task The_next_process_delivers_the_committed_message_exactly_once()
    {
        var environment = await ProbeEnvironment.CreateAsync("crash");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();

        // The first process commits but never relays: the same as dying right after the commit.
        await using (var first = await ProbeHost.StartAsync(environment, log, runRelay: false))
        {
            await first.Bus.Publish(new StartProbe { CorrelationId = id });
            await Eventually.Until(async () => await database.CountOutboxAsync(id, unsentOnly: true) == 1, "the saga commits its outbox row");
        }

        Assert.That(log.Count(nameof(ProbeStarted), id), Is.Zero, "nothing may leave before the relay runs");

        await using (await ProbeHost.StartAsync(environment, log))
        {
            await Eventually.Until(() => log.Count(nameof(ProbeStarted), id) == 1, "the restarted relay delivers ProbeStarted");
            await Task.Delay(Eventually.Settle);
            Assert.Multiple(async () =>
            {
                Assert.That(log.Count(nameof(ProbeStarted), id), Is.EqualTo(1));
                Assert.That(await database.CountOutboxAsync(id, unsentOnly: true), Is.Zero);
                Assert.That((await database.ReadAsync(id))?.CurrentState, Is.EqualTo("Running"));
            });
        }
    }
}
