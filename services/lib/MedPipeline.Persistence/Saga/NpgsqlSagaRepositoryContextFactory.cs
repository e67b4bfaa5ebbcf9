using MassTransit;
using MassTransit.Saga;

namespace MedPipeline.Persistence.Saga;

/// <summary>
/// MassTransit's entry into the saga table. It does not open its own transaction: it joins the
/// <see cref="ConsumeTransaction"/> that the Npgsql outbox filter opened for the consumed message,
/// so the saga row commits with the message's inbox and outbox rows. Correlation is by CorrelationId only.
/// </summary>
internal sealed class NpgsqlSagaRepositoryContextFactory<TSaga>(
    SagaRowStore<TSaga> store, ISagaConsumeContextFactory<ConsumeTransaction, TSaga> factory)
    : ISagaRepositoryContextFactory<TSaga>
    where TSaga : class, ISagaVersion
{
    public Task Send<T>(ConsumeContext<T> context, IPipe<SagaRepositoryContext<TSaga, T>> next)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.TryGetPayload(out ConsumeTransaction? transaction))
        {
            throw new InvalidOperationException(
                $"The {typeof(TSaga).Name} endpoint has no Npgsql outbox: call UseNpgsqlOutbox on it (in the saga definition) so state and messages commit together.");
        }

        return next.Send(new NpgsqlSagaRepositoryContext<TSaga, T>(transaction, context, store, factory));
    }

    public Task SendQuery<T>(ConsumeContext<T> context, ISagaQuery<TSaga> query, IPipe<SagaRepositoryQueryContext<TSaga, T>> next)
        where T : class =>
        throw new NotSupportedException(
            $"{typeof(TSaga).Name} is stored by correlation id only; correlate its events by CorrelationId.");

    public void Probe(ProbeContext context) => context?.Add("persistence", "npgsql");
}
