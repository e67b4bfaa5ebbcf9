using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>Orchestrator:Cleanup:DeleteSeriesData=false: a failed series keeps its upload, so an operator can run it again.</summary>
public sealed class When_an_operator_reruns_a_series_whose_upload_is_kept : SagaTest
{
    protected override bool DeleteSeriesData => false;

    [Test]
    public async Task A_failed_series_runs_attempt_2_and_every_backend_series_id_gets_the_completed_outcome()
    {
        Scenario.Rejection = RejectionKind.NotAZip;
        var request = Request();
        await Harness.Bus.Publish(request);
        var failed = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(failed.ArchiveDeleted, Is.False);
        Scenario.Rejection = null;

        await ActAsync(Rerun(request.CorrelationId));

        var saga = await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
        Assert.That(saga.Attempts, Is.EqualTo(2));
        Assert.That(saga.Prediction?.PredictedClass, Is.EqualTo("lesion"));
        Assert.That(Callbacks().Select(c => (c.SeriesId, c.Status)), Is.EqualTo(new[] { ("backend-1", "failed"), ("backend-1", "completed") }));
        Assert.That(Callbacks()[1].AttemptId, Is.EqualTo(saga.AttemptId));
        Assert.That(Harness.Published.Select<UnpackSeriesArchive>().Select(m => m.Context.Message.ArchiveKey), Is.All.EqualTo("archives/a.zip"));
        Assert.That(Published<DeleteSeriesData>(), Is.Zero, "clean-up is off");
    }
}
