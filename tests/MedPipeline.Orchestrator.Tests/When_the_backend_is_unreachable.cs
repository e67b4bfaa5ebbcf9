using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Saga;

namespace MedPipeline.Orchestrator.Tests;

public sealed class When_the_backend_is_unreachable : SagaTest
{
    [Test]
    public async Task A_retryable_failure_schedules_a_durable_redelivery_that_sends_the_outcome_again()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);

        await Harness.Bus.Publish(new SeriesStatusCallbackFailed
        {
            CorrelationId = request.CorrelationId, SeriesId = "backend-1", Reason = "backend unreachable", Attempts = 6, Retryable = true,
        });
        var waiting = await EventuallyAsync(request.CorrelationId, s => s.Stage == SeriesStage.Callback);
        Assert.That(waiting.PendingCallbacks, Is.EqualTo(new[] { "backend-1" }));
        Assert.That(waiting.DueAt, Is.GreaterThan(DateTimeOffset.UtcNow).And.LessThan(DateTimeOffset.UtcNow.AddSeconds(2)),
            "the first redelivery is due after Orchestrator:CallbackRetry:FirstDelay (1 s here)");
        Assert.That(waiting.CallbackOutcomes["backend-1"], Does.Contain("redelivery 1 of 12"));

        await Harness.Bus.Publish(new SeriesStageTimedOut { CorrelationId = request.CorrelationId, AttemptId = waiting.AttemptId, Stage = nameof(SeriesStage.Callback) });

        var resent = await EventuallyAsync(request.CorrelationId, s => s.Stage is null);
        Assert.That(resent.PendingCallbacks, Is.Empty);
        Assert.That(resent.CallbackRedeliveries, Is.EqualTo(1));
        Assert.That(resent.CurrentState, Is.EqualTo("Completed"));
        for (var i = 0; i < 100 && Callbacks().Count < 2; i++)
        {
            await Task.Delay(20);
        }

        Assert.That(Callbacks().Select(c => (c.SeriesId, c.Status)), Is.EqualTo(new[] { ("backend-1", SeriesStatus.Completed), ("backend-1", SeriesStatus.Completed) }));
    }

    [Test]
    public async Task A_refusal_that_is_not_retryable_is_recorded_and_not_redelivered()
    {
        var request = Request();
        await Harness.Bus.Publish(request);
        await ReachesAsync(request.CorrelationId, m => m.Completed);

        await Harness.Bus.Publish(new SeriesStatusCallbackFailed
        {
            CorrelationId = request.CorrelationId, SeriesId = "backend-1", Reason = "backend answered 404 Not Found", Attempts = 1, Retryable = false,
        });

        var saga = await EventuallyAsync(request.CorrelationId, s => s.CallbackOutcomes.ContainsKey("backend-1"));
        Assert.That(saga.CallbackOutcomes["backend-1"], Is.EqualTo("failed after 1 attempt(s): backend answered 404 Not Found"));
        Assert.That((saga.Stage, saga.DueAt), Is.EqualTo(((SeriesStage?)null, (DateTimeOffset?)null)));
    }

    private async Task<SeriesState> EventuallyAsync(Guid id, Func<SeriesState, bool> condition)
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
