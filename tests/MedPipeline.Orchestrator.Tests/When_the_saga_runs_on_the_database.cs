using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Testing;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>The real saga on PostgreSQL: its status read model against its own rows, transition by transition.</summary>
[Category(TestTiers.Integration)]
public sealed class When_the_saga_runs_on_the_database
{
    private const string Organization = "st-olaf";

    [Test]
    public async Task The_status_row_equals_the_saga_after_every_transition()
    {
        await using var orchestrator = await OrchestratorOnDatabase.StartAsync("status");
        var rows = orchestrator.Rows;
        var request = Request(predictAgain: false);
        var id = request.CorrelationId;

        await orchestrator.Bus.Publish(request);
        var step = await AssertStatusMatchesAsync(rows, id, "Received", 0);
        var attempt = step.AttemptId;

        await orchestrator.Bus.Publish(new SeriesUnpackingStarted { CorrelationId = id, AttemptId = attempt });
        step = await AssertStatusMatchesAsync(rows, id, "Unpacking", step.Version);

        await orchestrator.Bus.Publish(new SeriesUnpacked
        {
            CorrelationId = id, AttemptId = attempt, InstancesKey = "series/x", Modality = "CT", SopClassUids = ["1.2.840.10008.5.1.4.1.1.2"],
            InstanceCount = 4, ImageInstanceCount = 3, TotalBytes = 123_456,
        });
        step = await AssertStatusMatchesAsync(rows, id, "Preprocessing", step.Version);

        await orchestrator.Bus.Publish(new SeriesPreprocessed { CorrelationId = id, AttemptId = attempt, TensorBatchKeys = ["t/0"], FrameCount = 3 });
        step = await AssertStatusMatchesAsync(rows, id, "Inferring", step.Version);

        var heatmap = new InstanceHeatmap { SopInstanceUid = "1.2.3.4.1", Frame = 1, StoreKey = "series/x/a/heatmaps/row-00000.png", Width = 512, Height = 400 };
        await orchestrator.Bus.Publish(new SeriesInferenceCompleted { CorrelationId = id, AttemptId = attempt, Prediction = Prediction, Heatmaps = [heatmap] });
        step = await AssertStatusMatchesAsync(rows, id, "Completed", step.Version);
        Assert.That(step.Heatmaps, Is.EqualTo(new[] { heatmap }));
        Assert.That((await rows.StatusAsync(id))!.Heatmaps, Does.Contain("\"StoreKey\": \"series/x/a/heatmaps/row-00000.png\""));

        await orchestrator.Bus.Publish(new SeriesStatusCallbackDelivered { CorrelationId = id, AttemptId = attempt, SeriesId = "backend-1", StatusCode = 204, Attempts = 1 });
        step = await AssertStatusMatchesAsync(rows, id, "Completed", step.Version);
        Assert.That((await rows.StatusAsync(id))!.Callbacks, Does.Contain("delivered (HTTP 204"));

        await orchestrator.Bus.Publish(Request(predictAgain: true));
        step = await AssertStatusMatchesAsync(rows, id, "Received", step.Version);
        Assert.That(step.Attempts, Is.EqualTo(2));
        Assert.That((await rows.StatusAsync(id))!.Heatmaps, Is.EqualTo("[]"), "a new attempt has no heatmaps yet");

        await orchestrator.Bus.Publish(new SeriesArchiveRejected { CorrelationId = id, AttemptId = step.AttemptId, Kind = RejectionKind.ZipBomb, Reason = "too big" });
        await AssertStatusMatchesAsync(rows, id, "Failed", step.Version);
    }

    [Test]
    public async Task A_completed_attempt_keeps_its_embedding_and_model_and_a_new_attempt_drops_them()
    {
        await using var orchestrator = await OrchestratorOnDatabase.StartAsync("embedding");
        var rows = orchestrator.Rows;
        var request = Request(predictAgain: false);
        var id = request.CorrelationId;
        await orchestrator.Bus.Publish(request);
        var step = await AssertStatusMatchesAsync(rows, id, "Received", 0);
        await orchestrator.Bus.Publish(new SeriesUnpacked
        {
            CorrelationId = id, AttemptId = step.AttemptId, InstancesKey = "series/x", Modality = "CT", SopClassUids = ["1.2.840.10008.5.1.4.1.1.2"],
            InstanceCount = 3, ImageInstanceCount = 3, TotalBytes = 1,
        });
        step = await AssertStatusMatchesAsync(rows, id, "Preprocessing", step.Version);
        await orchestrator.Bus.Publish(new SeriesPreprocessed { CorrelationId = id, AttemptId = step.AttemptId, TensorBatchKeys = ["t/0"], FrameCount = 3 });
        step = await AssertStatusMatchesAsync(rows, id, "Inferring", step.Version);

        await orchestrator.Bus.Publish(new SeriesInferenceCompleted { CorrelationId = id, AttemptId = step.AttemptId, Prediction = Prediction, Embedding = [0.6f, 0.8f] });
        step = await AssertStatusMatchesAsync(rows, id, "Completed", step.Version);
        var stored = $"SELECT embedding FROM medpipe_read.series_status WHERE correlation_id = '{id}'";
        Assert.That(await rows.ScalarAsync<float[]>(stored), Is.EqualTo(new[] { 0.6f, 0.8f }));
        Assert.That(await rows.ScalarAsync<string>($"SELECT embedding_model FROM medpipe_read.series_status WHERE correlation_id = '{id}'"),
            Is.EqualTo("abc"), "vectors of different model files do not compare");

        await orchestrator.Bus.Publish(Request(predictAgain: true));
        await AssertStatusMatchesAsync(rows, id, "Received", step.Version);
        Assert.That(await rows.ScalarAsync<object>(stored), Is.EqualTo(DBNull.Value), "a running attempt is no similar case");
    }

    [Test]
    public async Task An_operators_cancel_fails_the_series_and_its_upload_leaves_the_status_row_so_a_rerun_is_refused()
    {
        await using var orchestrator = await OrchestratorOnDatabase.StartAsync("operator");
        var rows = orchestrator.Rows;
        var request = Request(predictAgain: false);
        await orchestrator.Bus.Publish(request);
        var received = await AssertStatusMatchesAsync(rows, request.CorrelationId, "Received", 0);
        Assert.That((await rows.StatusAsync(request.CorrelationId))!.ArchiveKey, Is.EqualTo(request.ArchiveKey), "the upload a rerun would start from");

        await orchestrator.Bus.Publish(new CancelSeries { CorrelationId = request.CorrelationId, RequestedByOrganization = Organization, RequestedByClient = "ops" });
        var failed = await AssertStatusMatchesAsync(rows, request.CorrelationId, "Failed", received.Version);
        await orchestrator.Bus.Publish(new RerunSeries { CorrelationId = request.CorrelationId, RequestedByOrganization = Organization, RequestedByClient = "ops" });
        await Task.Delay(1000);

        var status = await rows.StatusAsync(request.CorrelationId);
        Assert.That((status!.Reason, status.ArchiveKey, status.Attempt), Is.EqualTo(("cancelled by an operator", (string?)null, 1)));
        var saga = (await rows.SagaAsync(request.CorrelationId))!.Value.Saga;
        Assert.That((saga.CurrentState, saga.AttemptId), Is.EqualTo(("Failed", failed.AttemptId)), "the refused rerun started no attempt");
    }

    [Test]
    public async Task A_rolled_back_saga_transaction_leaves_the_status_row_unchanged()
    {
        await using var orchestrator = await OrchestratorOnDatabase.StartAsync("rollback");
        var rows = orchestrator.Rows;
        var request = Request(predictAgain: false);
        await orchestrator.Bus.Publish(request);
        var received = await AssertStatusMatchesAsync(rows, request.CorrelationId, "Received", 0);
        var before = await rows.StatusAsync(request.CorrelationId);
        // The transaction of the next transition fails after the saga row and status row were written:
        // storing its PreprocessSeries in the outbox is refused (a sequence counts tries; it is not transactional).
        await rows.ExecuteAsync("""
            CREATE SEQUENCE refused_outbox_writes;
            CREATE FUNCTION refuse_preprocess() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                PERFORM nextval('refused_outbox_writes');
                RAISE EXCEPTION 'the outbox refuses PreprocessSeries in this test';
            END $$;
            CREATE TRIGGER refuse_preprocess BEFORE INSERT ON mp_outbox FOR EACH ROW
                WHEN (NEW.message_type LIKE '%PreprocessSeries%') EXECUTE FUNCTION refuse_preprocess();
            """);

        await orchestrator.Bus.Publish(new SeriesUnpacked
        {
            CorrelationId = request.CorrelationId, AttemptId = received.AttemptId, InstancesKey = "series/x", Modality = "CT",
            SopClassUids = ["1.2.840.10008.5.1.4.1.1.2"], InstanceCount = 3, ImageInstanceCount = 3,
        });
        for (var i = 0; i < 200 && await rows.ScalarAsync<long>("SELECT last_value FROM refused_outbox_writes") < 3; i++)
        {
            await Task.Delay(50);
        }

        Assert.That(await rows.ScalarAsync<long>("SELECT last_value FROM refused_outbox_writes"), Is.GreaterThanOrEqualTo(3), "the transition was tried and rolled back");
        var saga = (await rows.SagaAsync(request.CorrelationId))!.Value.Saga;
        Assert.Multiple(async () =>
        {
            Assert.That((saga.CurrentState, saga.Version), Is.EqualTo(("Received", received.Version)), "the saga row rolled back");
            Assert.That(await rows.StatusAsync(request.CorrelationId), Is.EqualTo(before), "the status row rolled back with it");
        });
    }

    /// <summary>Waits for the transition, then compares the status row with the saga row, field by field.</summary>
    private static async Task<Saga.SeriesState> AssertStatusMatchesAsync(SeriesRows rows, Guid id, string state, int afterVersion)
    {
        var (saga, updatedAt) = await rows.WaitForAsync(id, state, afterVersion);
        var status = await rows.StatusAsync(id);
        Assert.That(status, Is.EqualTo(await rows.ExpectedStatusAsync(saga, updatedAt)), $"the status row in {state} (version {saga.Version})");
        return saga;
    }

    private static PredictSeries Request(bool predictAgain) => new()
    {
        CorrelationId = SeriesCorrelation.For(Organization, "1.2.3", "1.2.3.4", "ct-lesion-classifier"),
        RequestId = NewId.NextGuid(), SeriesId = "backend-1", Organization = Organization, StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4",
        ModelType = "ct-lesion-classifier", PredictAgain = predictAgain, ArchiveKey = "archives/st-olaf/a.zip", SubmittedAt = DateTimeOffset.UtcNow,
    };

    private static SeriesPrediction Prediction { get; } = new()
    {
        Model = new ModelInfo { ModelType = "ct-lesion-classifier", Name = "CT lesion classifier", Version = "1.0.0", Sha256 = "abc" },
        Task = "classification", InstanceCount = 3, PredictedClass = "lesion", Probability = 0.93,
        ClassProbabilities = new Dictionary<string, double> { ["lesion"] = 0.93, ["no-lesion"] = 0.07 },
    };
}
