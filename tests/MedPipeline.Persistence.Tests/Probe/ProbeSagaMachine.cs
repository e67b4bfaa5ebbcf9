using MassTransit;

namespace MedPipeline.Persistence.Tests.Probe;

/// <summary>The smallest saga that exercises create, update with a publish, failure after publish and a durable timeout.</summary>
public sealed class ProbeSagaMachine : MassTransitStateMachine<ProbeSaga>
{
    public ProbeSagaMachine(DeliveryLog log)
    {
        InstanceState(x => x.CurrentState);
        Event(() => Started, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Bumped, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Exploded, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => Armed, e => e.CorrelateById(c => c.Message.CorrelationId));
        Event(() => TimedOut, e => e.CorrelateById(c => c.Message.CorrelationId));

        Initially(
            When(Started)
                .ThenAsync(async c =>
                {
                    log.Record("start-attempt", c.Saga.CorrelationId);
                    await Task.Delay(c.Message.HoldMilliseconds);
                })
                .Publish(c => new ProbeStarted { CorrelationId = c.Saga.CorrelationId })
                .TransitionTo(Running));

        During(Running,
            Ignore(Started),
            When(Bumped)
                .ThenAsync(async c =>
                {
                    log.Record("bump-attempt", c.Saga.CorrelationId);
                    await Task.Delay(c.Message.HoldMilliseconds);
                    c.Saga.Counter++;
                })
                .Publish(c => new ProbeBumped { CorrelationId = c.Saga.CorrelationId, Counter = c.Saga.Counter }),
            When(Exploded)
                .Then(c => c.Saga.Counter = 1000)
                .Publish(c => new ProbeBumped { CorrelationId = c.Saga.CorrelationId, Counter = c.Saga.Counter })
                .Then(c =>
                {
                    log.Record("explode-attempt", c.Saga.CorrelationId);
                    throw new InvalidOperationException("The probe saga fails after publishing, as asked.");
                }),
            When(Armed)
                .Then(c => c.Saga.DueAt = DateTimeOffset.UtcNow.AddMilliseconds(c.Message.DueInMilliseconds)),
            When(TimedOut)
                .Then(c =>
                {
                    c.Saga.DueAt = null;
                    c.Saga.Timeouts++;
                })
                .Publish(c => new ProbeExpired { CorrelationId = c.Saga.CorrelationId })
                .TransitionTo(Expired));
    }

    public State Running { get; private set; } = null!;

    public State Expired { get; private set; } = null!;

    public Event<StartProbe> Started { get; private set; } = null!;

    public Event<BumpProbe> Bumped { get; private set; } = null!;

    public Event<ExplodeProbe> Exploded { get; private set; } = null!;

    public Event<ArmProbe> Armed { get; private set; } = null!;

    public Event<ProbeTimedOut> TimedOut { get; private set; } = null!;
}
