using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_a_series_runs_through_the_pipeline : SagaTest
{
    [Test]
    public async Task A_supported_series_completes_and_its_result_is_called_back()
    {
        var request = Request();

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.Completed);
        var callback = Callbacks().Single();
        Assert.Multiple(() =>
        {
            Assert.That(callback.Status, Is.EqualTo(SeriesStatus.Completed));
            Assert.That(callback.SeriesId, Is.EqualTo("backend-1"));
            Assert.That(callback.Organization, Is.EqualTo(Organization));
            Assert.That(callback.Prediction!.PredictedClass, Is.EqualTo("lesion"));
            Assert.That(saga.ReceivedAt, Is.Not.Null);
            Assert.That(saga.UnpackedAt, Is.Not.Null);
            Assert.That(saga.PreprocessedAt, Is.Not.Null);
            Assert.That(saga.InferredAt, Is.Not.Null);
            Assert.That(saga.DueAt, Is.Null, "a finished series has no deadline");
            Assert.That(Harness.Published.Select<PreprocessSeries>().Single().Context.Message.InstanceIndexKey,
                Is.EqualTo($"series/{request.CorrelationId}/instance-index.json"), "the Unpacker's index travels to the Preprocessor");
            Assert.That(Harness.Published.Select<PreprocessSeries>().Single().Context.Message.ArchiveKey, Is.EqualTo(request.ArchiveKey),
                "the only upload the index may name for images read in place");
        });
    }

    [Test]
    public async Task An_anomaly_series_completes_with_its_anomaly_fields()
    {
        Scenario.Modality = "CR";
        Scenario.Prediction = Scenario.Prediction with { Task = "anomaly", PredictedClass = null, Probability = null, ReconstructionMse = 0.01, IsAnomaly = true, Threshold = 0.003 };
        var request = Request("xray-anomaly");

        await Harness.Bus.Publish(request);

        await ReachesAsync(request.CorrelationId, m => m.Completed);
        Assert.That(Callbacks().Single().Prediction!.IsAnomaly, Is.True);
    }

    [Test]
    public async Task A_modality_the_model_does_not_support_is_not_supported_with_a_reason()
    {
        Scenario.Modality = "MR";
        var request = Request();

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.NotSupported);
        Assert.That(saga.Reason, Does.Contain("does not support modality MR"));
        Assert.That(Callbacks().Single().Status, Is.EqualTo(SeriesStatus.NotSupported));
        Assert.That(Published<PreprocessSeries>(), Is.Zero);
    }

    [Test]
    public async Task A_series_without_image_instances_is_not_supported()
    {
        Scenario.ImageInstances = 0;
        var request = Request();

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.NotSupported);
        Assert.That(saga.Reason, Is.EqualTo("the series has no image instances"));
    }

    [TestCase(RejectionKind.UnsafePath)]
    [TestCase(RejectionKind.ZipBomb)]
    [TestCase(RejectionKind.UidMismatch)]
    [TestCase(RejectionKind.NotAZip)]
    public async Task A_rejected_archive_fails_with_the_rejection(RejectionKind kind)
    {
        Scenario.Rejection = kind;
        var request = Request();

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(saga.Reason, Does.Contain($"rejected ({kind})"));
        Assert.That(Callbacks().Single().Reason, Is.EqualTo(saga.Reason));
    }

    [TestCase("preprocess", "CT_2.dcm is truncated")]
    [TestCase("inference", "no tensors")]
    public async Task A_stage_that_reports_failure_fails_the_series(string stage, string reason)
    {
        Scenario.FailingStage = stage;
        var request = Request();

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(saga.Reason, Is.EqualTo(reason));
    }

    // The exceptions name a store path, a host and a model file: the reason a backend and the status read
    // names only the stage and the kind of failure (the service's log keeps the details).
    [TestCase("unpack", "unpacking kept failing after its retries (IOException); the service's log has the details")]
    [TestCase("preprocess", "preprocessing kept failing after its retries (InsufficientMemoryException); the service's log has the details")]
    [TestCase("inference", "inference kept failing after its retries (InvalidOperationException); the service's log has the details")]
    public async Task A_stage_that_keeps_throwing_fails_the_series_through_its_fault_with_a_reason_naming_no_path_or_host(string stage, string reason)
    {
        Scenario.ThrowingStage = stage;
        var request = Request();

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(saga.Reason, Is.EqualTo(reason));
    }

    [Test]
    public async Task An_unknown_model_type_fails_at_once()
    {
        var request = Request("lung-cancer-9000");

        await Harness.Bus.Publish(request);

        var saga = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(saga.Reason, Is.EqualTo("unknown model type 'lung-cancer-9000'"));
        Assert.That(Published<UnpackSeriesArchive>(), Is.EqualTo(1), "the attempt is recorded, but nothing downstream acts on it");
    }
}
