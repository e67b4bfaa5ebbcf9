using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Saga;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_a_callback_outcome_arrives_after_a_new_attempt : SagaTest
{
    [Test]
    public async Task The_superseded_attempts_outcome_is_not_recorded_against_the_new_attempts_delivery()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        var oldAttempt = (await ReachesAsync(request.CorrelationId, m => m.Completed)).AttemptId;
        await Harness.Bus.Publish(Request(predictAgain: true));
        var saga = await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
        Assert.That(saga.AttemptId, Is.Not.EqualTo(oldAttempt));
        await Harness.Bus.Publish(Delivered(request, saga.AttemptId, statusCode: 204));
        await UntilAsync(request.CorrelationId, s => s.CallbackOutcomes.ContainsKey("backend-1"));

        // The old attempt's worker reports late: first a refusal, then an unreachable backend.
        await Harness.Bus.Publish(Failed(request, oldAttempt, retryable: false));
        await Harness.Bus.Publish(Failed(request, oldAttempt, retryable: true));
        await Harness.Bus.Publish(Delivered(request, oldAttempt, statusCode: 200));
        await Task.Delay(300);

        var after = Saga.Sagas.Contains(request.CorrelationId)!;
        Assert.Multiple(() =>
        {
            Assert.That(after.CallbackOutcomes, Is.EqualTo(new Dictionary<string, string> { ["backend-1"] = "delivered (HTTP 204, 1 attempt(s))" }));
            Assert.That(after.PendingCallbacks, Is.Empty, "no redelivery is scheduled for a superseded attempt");
            Assert.That((after.Stage, after.DueAt), Is.EqualTo(((SeriesStage?)null, (DateTimeOffset?)null)));
        });
    }

    [Test]
    public async Task The_current_attempts_retryable_failure_schedules_a_redelivery()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        var saga = await ReachesAsync(request.CorrelationId, m => m.Completed);

        await Harness.Bus.Publish(Failed(request, saga.AttemptId, retryable: true));

        var waiting = await UntilAsync(request.CorrelationId, s => s.Stage == SeriesStage.Callback);
        Assert.That(waiting.PendingCallbacks, Is.EqualTo(new[] { "backend-1" }));
        Assert.That(waiting.CallbackOutcomes["backend-1"], Does.StartWith("failed after 6 attempt(s): backend unreachable; redelivery 1 of 12"));
    }

    [Test]
    public async Task An_outcome_of_the_running_attempts_predecessor_is_ignored_while_the_new_attempt_runs()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        var oldAttempt = (await ReachesAsync(request.CorrelationId, m => m.Completed)).AttemptId;
        Scenario.HoldInference = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Harness.Bus.Publish(Request(predictAgain: true));
        Assert.That(await Saga.Exists(request.CorrelationId, m => m.Inferring), Is.Not.Null);

        await Harness.Bus.Publish(Delivered(request, oldAttempt, statusCode: 204));
        await Task.Delay(300);

        Assert.That(Saga.Sagas.Contains(request.CorrelationId)!.CallbackOutcomes, Is.Empty);
        Scenario.HoldInference.SetResult();
        await ReachesAsync(request.CorrelationId, m => m.Completed, callbacks: 2);
    }

    private static SeriesStatusCallbackDelivered Delivered(PredictSeries request, Guid attemptId, int statusCode) => new()
    {
        CorrelationId = request.CorrelationId, AttemptId = attemptId, SeriesId = request.SeriesId, StatusCode = statusCode, Attempts = 1,
    };

    private static SeriesStatusCallbackFailed Failed(PredictSeries request, Guid attemptId, bool retryable) => new()
    {
        CorrelationId = request.CorrelationId, AttemptId = attemptId, SeriesId = request.SeriesId, Reason = "backend unreachable", Attempts = 6,
        Retryable = retryable,
    };

    private async Task<SeriesState> UntilAsync(Guid id, Func<SeriesState, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Saga.Sagas.Contains(id) is { } saga && condition(saga))
            {
                return saga;
            }

            await Task.Delay(20);
        }

        Assert.Fail("the saga never reached the expected condition");
        throw new InvalidOperationException();
    }
}
