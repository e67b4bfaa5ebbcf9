using System.Net;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Storage;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>
/// A command whose acknowledgement was lost (the broker went away or the worker was killed after the PUT) comes
/// again with the same callback id: the backend must not get the outcome twice, and the saga still hears of it.
/// </summary>
public sealed class When_a_callback_command_comes_again
{
    private static SendSeriesStatusCallback Command => When_the_callback_worker_gets_an_outcome.Completed with { CallbackId = Guid.NewGuid() };

    [Test]
    public async Task The_backend_gets_it_once_with_its_idempotency_key_and_both_are_reported_delivered()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.Created));
        await using var worker = await CallbackWorker.StartAsync(backend);
        var command = Command;

        await worker.ConsumeAsync(command);
        await worker.ConsumeAsync(command);

        Assert.That(backend.Requests, Has.Count.EqualTo(1), "one PUT for one callback id");
        Assert.That(backend.IdempotencyKeys, Is.EqualTo(new[] { command.CallbackId.ToString("D") }));
        var delivered = worker.Harness.Published.Select<SeriesStatusCallbackDelivered>().Select(p => p.Context.Message).ToList();
        Assert.That(delivered.Select(d => (d.SeriesId, d.StatusCode, d.Attempts, d.AttemptId)),
            Is.EqualTo(Enumerable.Repeat(("backend-7", 201, 1, (Guid?)command.AttemptId), 2)), "the repeat is reported with the first delivery's answer");
        Assert.That(File.Exists(Path.Combine(worker.StoreRoot, StoreLayout.CallbackReceipt(command.CallbackId))), Is.True, "the receipt is in the store");
    }

    [Test]
    public async Task Two_copies_at_once_against_a_slow_backend_give_one_PUT()
    {
        // The saga's outbox relayed the command twice (a crash before it marked the first relay): both copies arrive together.
        var backend = new ScriptedBackend(() =>
        {
            Thread.Sleep(500);
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        });
        await using var worker = await CallbackWorker.StartAsync(backend);
        var command = Command;

        await Task.WhenAll(worker.Harness.Bus.Publish(command), worker.Harness.Bus.Publish(command));
        await worker.WaitForDeliveredAsync(2);

        Assert.That(backend.Requests, Has.Count.EqualTo(1), "the second copy waited for the first and found its receipt");
    }

    [Test]
    public async Task A_new_callback_for_the_same_series_is_sent_again()
    {
        // predictAgain=false on a finished series, or a second waiting request: the saga sends a new callback id.
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.NoContent));
        await using var worker = await CallbackWorker.StartAsync(backend);
        var first = Command;
        var second = first with { CallbackId = Guid.NewGuid() };

        await worker.ConsumeAsync(first);
        await worker.ConsumeAsync(second);

        Assert.That(backend.IdempotencyKeys, Is.EqualTo(new[] { first.CallbackId.ToString("D"), second.CallbackId.ToString("D") }));
    }

    [Test]
    public async Task A_callback_that_was_not_delivered_is_tried_again_when_it_comes_again()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.NotFound), ScriptedBackend.Status(HttpStatusCode.NoContent));
        await using var worker = await CallbackWorker.StartAsync(backend);
        var command = Command;

        await worker.ConsumeAsync(command);
        await worker.ConsumeAsync(command);

        Assert.That(backend.Requests, Has.Count.EqualTo(2), "no receipt is kept for a refused callback");
        Assert.That(worker.Harness.Published.Select<SeriesStatusCallbackFailed>().Count(), Is.EqualTo(1));
        Assert.That(worker.Harness.Published.Select<SeriesStatusCallbackDelivered>().Single().Context.Message.StatusCode, Is.EqualTo(204));
    }

    [Test]
    public async Task A_command_from_an_older_saga_without_a_callback_id_is_sent_without_a_key_and_no_receipt()
    {
        var backend = new ScriptedBackend(ScriptedBackend.Status(HttpStatusCode.NoContent));
        await using var worker = await CallbackWorker.StartAsync(backend);
        var command = Command with { CallbackId = Guid.Empty };

        await worker.ConsumeAsync(command);

        Assert.That(backend.IdempotencyKeys, Is.EqualTo(new string?[] { null }));
        Assert.That(Directory.Exists(Path.Combine(worker.StoreRoot, StoreLayout.CallbacksRoot)), Is.False);
    }
}
