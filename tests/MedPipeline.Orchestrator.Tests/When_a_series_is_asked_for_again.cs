using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_a_series_is_asked_for_again : SagaTest
{
    [Test]
    public async Task Without_predictAgain_a_completed_series_is_not_redone_and_its_outcome_is_sent_again()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);

        await Harness.Bus.Publish(Request(seriesId: "backend-2"));

        await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(1));
        Assert.That(Callbacks().Select(c => (c.SeriesId, c.Status)), Is.EqualTo(new[] { ("backend-1", "completed"), ("backend-2", "completed") }));
    }

    [Test]
    public async Task With_predictAgain_a_new_attempt_runs_and_the_old_attempts_late_result_is_ignored()
    {
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Request();
        await Harness.Bus.Publish(first);
        Assert.That(await Saga.Exists(first.CorrelationId, m => m.Inferring), Is.Not.Null);
        var firstAttempt = Saga.Sagas.Contains(first.CorrelationId)!.AttemptId;

        await Harness.Bus.Publish(Request(predictAgain: true));
        for (var i = 0; i < 100 && Saga.Sagas.Contains(first.CorrelationId)!.AttemptId == firstAttempt; i++)
        {
            await Task.Delay(20);
        }

        Scenario.HoldInference.SetResult();
        var saga = await ReachesAsync(first.CorrelationId, m => m.Completed);
        Assert.That(saga.AttemptId, Is.Not.EqualTo(firstAttempt));
        Assert.That(saga.Attempts, Is.EqualTo(2));
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(2));
        await Task.Delay(200);
        Assert.That(Callbacks().Where(c => c.AttemptId == firstAttempt), Is.Empty, "the superseded attempt must not produce a callback");
        Assert.That(Callbacks(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Two_identical_requests_at_once_give_one_run_and_one_callback_each()
    {
        var request = Request();

        await Task.WhenAll(Harness.Bus.Publish(request), Harness.Bus.Publish(request with { RequestId = Guid.NewGuid() }));

        await ReachesAsync(request.CorrelationId, m => m.Completed);
        await Task.Delay(200);
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(1));
        Assert.That(Callbacks(), Has.Count.EqualTo(2));
        Assert.That(Callbacks().Select(c => c.SeriesId), Is.All.EqualTo("backend-1"));
        Assert.That(Callbacks().Select(c => c.CallbackId), Is.Unique.And.Not.Contains(Guid.Empty),
            "each callback has its own id, so the worker's receipts never take one request's callback for the other's");
    }

    [Test]
    public async Task A_request_while_running_joins_and_both_backend_ids_get_the_result()
    {
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request();
        await Harness.Bus.Publish(request);
        Assert.That(await Saga.Exists(request.CorrelationId, m => m.Inferring), Is.Not.Null);

        await Harness.Bus.Publish(Request(seriesId: "backend-2"));
        for (var i = 0; i < 100 && Saga.Sagas.Contains(request.CorrelationId)!.SeriesIds.Count < 2; i++)
        {
            await Task.Delay(20);
        }

        Scenario.HoldInference.SetResult();
        await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(1));
        Assert.That(Callbacks().Select(c => c.SeriesId).Order(), Is.EqualTo(new[] { "backend-1", "backend-2" }));
    }

    [Test]
    public async Task A_failed_series_asked_again_runs_a_new_attempt()
    {
        Scenario.Rejection = RejectionKind.NotAZip;
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Failed);

        Scenario.Rejection = null;
        await Harness.Bus.Publish(Request());

        await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
        Assert.That(Callbacks().Select(c => c.Status), Is.EqualTo(new[] { "failed", "completed" }));
    }
}
