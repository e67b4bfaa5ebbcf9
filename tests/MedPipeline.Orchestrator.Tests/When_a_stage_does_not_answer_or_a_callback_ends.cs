using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Saga;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_a_stage_does_not_answer_or_a_callback_ends : SagaTest
{
    [Test]
    public async Task The_stage_timeout_of_the_current_attempt_fails_the_series()
    {
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request();
        await Harness.Bus.Publish(request);
        Assert.That(await Saga.Exists(request.CorrelationId, m => m.Inferring), Is.Not.Null);
        var saga = Saga.Sagas.Contains(request.CorrelationId)!;
        Assert.That((saga.Stage, saga.DueAt), Is.Not.EqualTo(((SeriesStage?)null, (DateTimeOffset?)null)));

        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = Guid.NewGuid(), Stage = "inference" });
        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = saga.AttemptId, Stage = "unpack" });
        await Task.Delay(200);
        Assert.That(Saga.Sagas.Contains(request.CorrelationId)!.CurrentState, Is.EqualTo("Inferring"), "timeouts of another attempt or stage are ignored");

        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = saga.AttemptId, Stage = SweptTimeout(saga).Stage });

        var failed = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(failed.Reason, Is.EqualTo("the inference stage did not answer in time"));
        Scenario.HoldInference.SetResult();
    }

    [Test]
    public async Task A_timeout_with_a_lower_case_stage_from_before_the_stage_enum_still_fails_the_series()
    {
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = Request();
        await Harness.Bus.Publish(request);
        Assert.That(await Saga.Exists(request.CorrelationId, m => m.Inferring), Is.Not.Null);
        var saga = Saga.Sagas.Contains(request.CorrelationId)!;
        Assert.That(SweptTimeout(saga).Stage, Is.EqualTo("Inference"), "the sweeper names the stage in PascalCase");

        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = saga.AttemptId, Stage = "inference" });

        var failed = await ReachesAsync(request.CorrelationId, m => m.Failed);
        Assert.That(failed.Reason, Is.EqualTo("the inference stage did not answer in time"));
        Scenario.HoldInference.SetResult();
    }

    [Test]
    public async Task Callback_delivery_outcomes_are_recorded_on_the_series()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);

        await Harness.Bus.Publish(new SeriesStatusCallbackDelivered { CorrelationId = request.CorrelationId, SeriesId = "backend-1", StatusCode = 204, Attempts = 3 });
        await Harness.Bus.Publish(new SeriesStatusCallbackFailed { CorrelationId = request.CorrelationId, SeriesId = "backend-9", Reason = "backend answered 404", Attempts = 1 });

        for (var i = 0; i < 100 && Saga.Sagas.Contains(request.CorrelationId)!.CallbackOutcomes.Count < 2; i++)
        {
            await Task.Delay(20);
        }

        Assert.That(Saga.Sagas.Contains(request.CorrelationId)!.CallbackOutcomes, Is.EquivalentTo(new Dictionary<string, string>
        {
            ["backend-1"] = "delivered (HTTP 204, 3 attempt(s))",
            ["backend-9"] = "failed after 1 attempt(s): backend answered 404",
        }));
    }

    [Test]
    public void The_correlation_id_is_the_documented_UUIDv5_any_backend_can_compute()
    {
        // Python: uuid.uuid5(uuid.UUID("6f1c2b1e-8a4d-5c3b-9e27-4d1a0b7c9e55"), "st-olaf\n1.2.3\n1.2.3.4\nct-lesion-classifier")
        var id = SeriesCorrelation.For("st-olaf", "1.2.3", "1.2.3.4", "ct-lesion-classifier");

        Assert.That(id, Is.EqualTo(Guid.Parse("ae440fb8-aa72-5ef7-a699-8eb69ddea3d3")), "the value Python's uuid.uuid5 gives");
        Assert.That(id, Is.Not.EqualTo(SeriesCorrelation.For("st-olaf", "1.2.3", "1.2.3.4", "xray-anomaly")));
    }

    /// <summary>What the durable-timeout sweeper publishes for this saga row.</summary>
    private static SeriesStageTimedOut SweptTimeout(SeriesState saga) => (SeriesStageTimedOut)SeriesStateTable.Map.TimeoutEvent!(saga)!;
}
