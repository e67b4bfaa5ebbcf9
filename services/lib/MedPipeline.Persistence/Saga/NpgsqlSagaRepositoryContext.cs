using MassTransit;
using MassTransit.Context;
using MassTransit.Saga;

namespace MedPipeline.Persistence.Saga;

/// <summary>Load/insert/update/delete of one saga row inside the consumed message's transaction.</summary>
internal sealed class NpgsqlSagaRepositoryContext<TSaga, TMessage> : ConsumeContextScope<TMessage>, SagaRepositoryContext<TSaga, TMessage>
    where TSaga : class, ISagaVersion
    where TMessage : class
{
    private readonly ConsumeTransaction _transaction;
    private readonly ConsumeContext<TMessage> _consumeContext;
    private readonly SagaRowStore<TSaga> _store;
    private readonly ISagaConsumeContextFactory<ConsumeTransaction, TSaga> _factory;

    public NpgsqlSagaRepositoryContext(ConsumeTransaction transaction, ConsumeContext<TMessage> consumeContext,
        SagaRowStore<TSaga> store, ISagaConsumeContextFactory<ConsumeTransaction, TSaga> factory)
        : base(consumeContext, transaction)
    {
        _transaction = transaction;
        _consumeContext = consumeContext;
        _store = store;
        _factory = factory;
    }

    public Task<SagaConsumeContext<TSaga, T>> CreateSagaConsumeContext<T>(ConsumeContext<T> consumeContext, TSaga instance, SagaConsumeContextMode mode)
        where T : class => _factory.CreateSagaConsumeContext(_transaction, consumeContext, instance, mode);

    public Task<SagaConsumeContext<TSaga, TMessage>> Add(TSaga instance) =>
        _factory.CreateSagaConsumeContext(_transaction, _consumeContext, instance, SagaConsumeContextMode.Add);

    /// <summary>Pre-insert (InsertOnInitial): null when the row already exists, so MassTransit loads it instead.</summary>
    public async Task<SagaConsumeContext<TSaga, TMessage>?> Insert(TSaga instance)
    {
        if (!await _store.TryInsertAsync(_transaction, instance, CancellationToken))
        {
            return null;
        }

        return await _factory.CreateSagaConsumeContext(_transaction, _consumeContext, instance, SagaConsumeContextMode.Insert);
    }

    public async Task<SagaConsumeContext<TSaga, TMessage>?> Load(Guid correlationId)
    {
        var instance = await _store.LoadAsync(_transaction, correlationId, CancellationToken);
        return instance is null
            ? null
            : await _factory.CreateSagaConsumeContext(_transaction, _consumeContext, instance, SagaConsumeContextMode.Load);
    }

    /// <summary>Saves a new instance; a row created meanwhile by another consumer is a conflict, retried by re-reading.</summary>
    public async Task Save(SagaConsumeContext<TSaga> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await _store.TryInsertAsync(_transaction, context.Saga, CancellationToken))
        {
            throw SagaRowStore<TSaga>.CreatedConcurrently(context.Saga);
        }
    }

    public Task Update(SagaConsumeContext<TSaga> context) =>
        _store.UpdateAsync(_transaction, context?.Saga ?? throw new ArgumentNullException(nameof(context)), CancellationToken);

    public Task Delete(SagaConsumeContext<TSaga> context) =>
        _store.DeleteAsync(_transaction, context?.Saga ?? throw new ArgumentNullException(nameof(context)), CancellationToken);

    // Nothing to undo by hand: the consume transaction rolls back when the consume fails.
    public Task Discard(SagaConsumeContext<TSaga> context) => Task.CompletedTask;

    public Task Undo(SagaConsumeContext<TSaga> context) => Task.CompletedTask;
}
