using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_a_series_waits_for_an_unpacker : SagaTest
{
    [Test]
    public async Task It_is_Received_until_an_unpacker_takes_it_then_Unpacking_with_the_time_it_started()
    {
        var request = Request();
        await Harness.Bus.Publish(new SeriesUnpackingStarted { CorrelationId = request.CorrelationId, AttemptId = Guid.NewGuid() });
        Scenario.HoldUnpack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        await Harness.Bus.Publish(request);

        try
        {
            var unpacking = await Saga.Exists(request.CorrelationId, m => m.Unpacking);
            Assert.That(unpacking, Is.Not.Null, "the unpacker's note moves the series to Unpacking");
            var saga = Saga.Sagas.Contains(request.CorrelationId)!;
            Assert.That(saga.UnpackingStartedAt, Is.Not.Null);
            Assert.That(saga.UnpackingStartedAt, Is.GreaterThanOrEqualTo(saga.ReceivedAt!.Value));
        }
        finally
        {
            Scenario.HoldUnpack.SetResult();
        }

        await ReachesAsync(request.CorrelationId, m => m.Completed);
    }

    [Test]
    public async Task An_answer_that_overtakes_the_started_note_still_moves_the_series_on()
    {
        var request = Request();

        await Harness.Bus.Publish(request);

        var done = await ReachesAsync(request.CorrelationId, m => m.Completed);
        Assert.That(done.UnpackedAt, Is.Not.Null);
        Assert.That(done.UnpackingStartedAt, Is.EqualTo(done.UnpackedAt), "no note and no start time in the answer: the answer's time stands in");
    }

    [Test]
    public async Task An_answer_that_overtakes_the_started_note_brings_the_unpackers_start_time()
    {
        var startedAt = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        Scenario.UnpackStartedAt = startedAt;
        var request = Request();

        await Harness.Bus.Publish(request);

        var done = await ReachesAsync(request.CorrelationId, m => m.Completed);
        Assert.That(done.UnpackingStartedAt, Is.EqualTo(startedAt.AddTicks(-7)), "to the microsecond, as every saga time");
    }
}
