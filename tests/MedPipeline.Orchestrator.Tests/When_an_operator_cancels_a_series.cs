using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_an_operator_cancels_a_series : SagaTest
{
    [Test]
    public async Task A_running_series_fails_as_cancelled_its_data_is_deleted_and_the_backend_gets_one_failed_callback()
    {
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request();
        await Harness.Bus.Publish(request);
        Assert.That(await Saga.Exists(request.CorrelationId, m => m.Inferring), Is.Not.Null);

        await ActAsync(Cancel(request.CorrelationId));
        var saga = await ReachesAsync(request.CorrelationId, m => m.Failed);
        // The cancelled attempt's late answer must change nothing.
        Scenario.HoldInference.SetResult();
        await Task.Delay(300);

        Assert.That((saga.CurrentState, saga.Reason, saga.Status), Is.EqualTo(("Failed", "cancelled by an operator", "failed")));
        Assert.That(Callbacks().Select(c => (c.SeriesId, c.Status, c.Reason)), Is.EqualTo(new[] { ("backend-1", "failed", "cancelled by an operator") }));
        var deletion = Harness.Published.Select<DeleteSeriesData>().Single().Context.Message;
        Assert.That(deletion.Keys, Is.EqualTo(new[] { "archives/a.zip", $"series/{request.CorrelationId:N}/{saga.AttemptId:N}" }));
        Assert.That(saga.ArchiveDeleted, Is.True);
    }

    [Test]
    public async Task A_completed_series_is_not_cancelled()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);

        await ActAsync(Cancel(request.CorrelationId));
        await Task.Delay(200);

        var saga = Saga.Sagas.Contains(request.CorrelationId)!;
        Assert.That((saga.CurrentState, saga.Reason), Is.EqualTo(("Completed", (string?)null)));
        Assert.That(Callbacks().Select(c => c.Status), Is.EqualTo(new[] { "completed" }));
    }
}
