using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_series_data_is_no_longer_needed : SagaTest
{
    [Test]
    public async Task A_finished_attempt_deletes_its_upload_and_its_instances_and_tensors()
    {
        var request = Request();
        await Harness.Bus.Publish(request);

        var done = await ReachesAsync(request.CorrelationId, m => m.Completed);

        var deletion = await DeletionsAsync(1);
        Assert.That(deletion[0].Keys, Is.EqualTo(new[] { "archives/a.zip", $"series/{request.CorrelationId:N}/{done.AttemptId:N}" }));
    }

    [Test]
    public async Task A_finished_attempt_with_heatmaps_keeps_them_and_deletes_the_rest()
    {
        var request = Request();
        Scenario.Heatmaps = [new InstanceHeatmap { SopInstanceUid = "1.2.3.4.1", StoreKey = "series/x/a/heatmaps/row-00000.png", Width = 64, Height = 64 }];
        await Harness.Bus.Publish(request);

        var done = await ReachesAsync(request.CorrelationId, m => m.Completed);

        var attempt = $"series/{request.CorrelationId:N}/{done.AttemptId:N}";
        var deletion = await DeletionsAsync(1);
        Assert.That(deletion[0].Keys, Is.EqualTo(new[] { "archives/a.zip", $"{attempt}/instances", $"{attempt}/tensors", $"{attempt}/instance-index.json" }));
    }

    [Test]
    public async Task A_request_answered_from_the_stored_outcome_deletes_only_its_own_upload()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);
        await DeletionsAsync(1);

        await Harness.Bus.Publish(Request() with { ArchiveKey = "archives/b.zip" });

        var deletions = await DeletionsAsync(2);
        Assert.That(deletions[1].Keys, Is.EqualTo(new[] { "archives/b.zip" }));
    }

    [Test]
    public async Task A_new_attempt_deletes_the_previous_attempts_data_but_not_its_own_upload()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        var firstAttempt = (await ReachesAsync(request.CorrelationId, m => m.Completed)).AttemptId;
        await DeletionsAsync(1);

        await Harness.Bus.Publish(Request(predictAgain: true) with { ArchiveKey = "archives/c.zip" });

        await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
        var deletions = await DeletionsAsync(3);
        Assert.That(deletions[1].Keys, Is.EqualTo(new[] { "archives/a.zip", $"series/{request.CorrelationId:N}/{firstAttempt:N}" }));
        Assert.That(deletions[2].Keys, Does.Contain("archives/c.zip"), "the new attempt's own data goes when it finishes");
    }

    private async Task<List<DeleteSeriesData>> DeletionsAsync(int count)
    {
        for (var i = 0; i < 200 && Harness.Published.Select<DeleteSeriesData>().Count() < count; i++)
        {
            await Task.Delay(20);
        }

        var deletions = Harness.Published.Select<DeleteSeriesData>().Select(m => m.Context.Message).ToList();
        Assert.That(deletions, Has.Count.EqualTo(count));
        return deletions;
    }
}
