using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_two_buses_update_the_same_saga
{
    [Test]
    public async Task The_version_conflict_is_retried_and_no_update_is_lost()
    {
        var environment = await ProbeEnvironment.CreateAsync("conflict");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();
        await using var first = await ProbeHost.StartAsync(environment, log);
        await using var second = await ProbeHost.StartAsync(environment, log);
        await first.Bus.Publish(new StartProbe { CorrelationId = id });
        await Eventually.Until(() => log.Count(nameof(ProbeStarted), id) == 1, "ProbeStarted is consumed");

        // Each bus takes one (prefetch 1) and holds the row long enough for the two to overlap.
        await Task.WhenAll(
            first.Bus.Publish(new BumpProbe { CorrelationId = id, HoldMilliseconds = 400 }),
            second.Bus.Publish(new BumpProbe { CorrelationId = id, HoldMilliseconds = 400 }));
        await Eventually.Until(() => log.Count(nameof(ProbeBumped), id) == 2, "both bumps are published");
        await Task.Delay(Eventually.Settle);

        Assert.Multiple(async () =>
        {
            Assert.That(await database.ReadAsync(id), Is.EqualTo(new ProbeRow("Running", 3, 2, 0, null)));
            Assert.That(log.Values(nameof(ProbeBumped), id), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(log.Count("bump-attempt", id), Is.GreaterThanOrEqualTo(3), "no conflict happened, so none was retried");
        });
    }

    [Test]
    public async Task A_concurrent_create_is_retried_as_an_update_of_the_saved_row()
    {
        var environment = await ProbeEnvironment.CreateAsync("create");
        var database = new ProbeDatabase(environment.ConnectionString);
        var log = new DeliveryLog();
        var id = NewId.NextGuid();
        await using var first = await ProbeHost.StartAsync(environment, log);
        await using var second = await ProbeHost.StartAsync(environment, log);

        await Task.WhenAll(
            first.Bus.Publish(new StartProbe { CorrelationId = id, HoldMilliseconds = 400 }),
            second.Bus.Publish(new StartProbe { CorrelationId = id, HoldMilliseconds = 400 }));
        await Eventually.Until(() => log.Count(nameof(ProbeStarted), id) == 1, "ProbeStarted is consumed");
        await Task.Delay(Eventually.Settle);

        Assert.Multiple(async () =>
        {
            // Version 2: the loser's retry loaded the winner's row, ignored the second start and saved it.
            Assert.That(await database.ReadAsync(id), Is.EqualTo(new ProbeRow("Running", 2, 0, 0, null)));
            Assert.That(log.Count(nameof(ProbeStarted), id), Is.EqualTo(1));
            Assert.That(log.Count("start-attempt", id), Is.EqualTo(2), "both creates must have run, so one of them collided");
        });
    }
}
