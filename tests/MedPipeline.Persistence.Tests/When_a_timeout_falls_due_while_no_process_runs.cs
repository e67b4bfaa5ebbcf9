using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_a_timeout_falls_due_while_no_process_runs
{
    [Test]
    public async Task The_next_process_fires_it_once()
    {
        var environment = await ProbeEnvironment.CreateAsync("timeout");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();
        await using (var first = await ProbeHost.StartAsync(environment, log))
        {
            await first.Bus.Publish(new StartProbe { CorrelationId = id });
            await first.Bus.Publish(new ArmProbe { CorrelationId = id, DueInMilliseconds = 2000 });
            await Eventually.Until(async () => (await database.ReadAsync(id))?.DueAt is not null, "the due time is stored");
        }

        Assert.That(await database.IsDueAsync(id), Is.False, "the timeout fell due before the process stopped; the test proves nothing");
        await Eventually.Until(() => database.IsDueAsync(id), "the due time passes while no process runs");

        await using (await ProbeHost.StartAsync(environment, log))
        {
            await Eventually.Until(() => log.Count(nameof(ProbeExpired), id) == 1, "the restarted sweeper fires the timeout");
            await Task.Delay(Eventually.Settle);
            Assert.Multiple(async () =>
            {
                Assert.That(log.Count(nameof(ProbeExpired), id), Is.EqualTo(1));
                Assert.That(await database.ReadAsync(id), Is.EqualTo(new ProbeRow("Expired", 3, 0, 1, null)));
            });
        }
    }
}
