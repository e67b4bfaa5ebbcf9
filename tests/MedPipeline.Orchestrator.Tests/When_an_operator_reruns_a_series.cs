using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>Rerun with clean-up on (as shipped): a stuck series still holds its upload; a failed one's upload was deleted when it ended.</summary>
public sealed class When_an_operator_reruns_a_series : SagaTest
{
    [Test]
    public async Task A_stuck_series_runs_a_new_attempt_from_its_upload_and_the_stuck_attempts_answer_is_ignored()
    {
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request();
        await Harness.Bus.Publish(request);
        Assert.That(await Saga.Exists(request.CorrelationId, m => m.Inferring), Is.Not.Null);
        var stuckAttempt = Saga.Sagas.Contains(request.CorrelationId)!.AttemptId;

        await ActAsync(Rerun(request.CorrelationId));
        for (var i = 0; i < 100 && PublishedSoFar<UnpackSeriesArchive>() < 2; i++)
        {
            await Task.Delay(20);
        }

        Scenario.HoldInference.SetResult();
        var saga = await ReachesAsync(request.CorrelationId, m => m.Completed);
        await Task.Delay(200);
        Assert.That((saga.Attempts, saga.AttemptId == stuckAttempt), Is.EqualTo((2, false)));
        var unpacks = Harness.Published.Select<UnpackSeriesArchive>().Select(m => m.Context.Message).ToList();
        Assert.That(unpacks.Select(u => u.ArchiveKey), Is.EqualTo(new[] { "archives/a.zip", "archives/a.zip" }), "the rerun starts from the same upload");
        Assert.That(Callbacks().Select(c => (c.SeriesId, c.Status, c.AttemptId)), Is.EqualTo(new[] { ("backend-1", "completed", saga.AttemptId) }),
            "one callback, of the new attempt, to the backend series id that asked");
        var deletions = Harness.Published.Select<DeleteSeriesData>().Select(m => m.Context.Message).ToList();
        Assert.That(deletions[0].Keys, Is.EqualTo(new[] { $"series/{request.CorrelationId:N}/{stuckAttempt:N}" }), "the stuck attempt's data goes, its upload stays");
    }

    [Test]
    public async Task A_failed_series_whose_upload_was_deleted_is_not_rerun()
    {
        Scenario.Rejection = RejectionKind.NotAZip;
        var request = Request();
        await Harness.Bus.Publish(request);
        var failed = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(failed.ArchiveDeleted, Is.True);
        Scenario.Rejection = null;

        await ActAsync(Rerun(request.CorrelationId));
        await Task.Delay(200);

        var saga = Saga.Sagas.Contains(request.CorrelationId)!;
        Assert.That((saga.CurrentState, saga.Attempts), Is.EqualTo(("Failed", 1)));
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(1));
        Assert.That(Callbacks(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_completed_series_is_not_rerun()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);

        await ActAsync(Rerun(request.CorrelationId));
        await Task.Delay(200);

        Assert.That(Saga.Sagas.Contains(request.CorrelationId)!.CurrentState, Is.EqualTo("Completed"));
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(1));
    }
}
