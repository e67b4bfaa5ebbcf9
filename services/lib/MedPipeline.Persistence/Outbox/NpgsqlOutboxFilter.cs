using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Persistence.Outbox;

/// <summary>
/// Runs one consumer (or saga) for one message inside one PostgreSQL transaction: inbox row (a
/// redelivered MessageId is acknowledged without consuming again), the saga row, and the outbox
/// rows of everything the consumer published or sent. Nothing reaches the broker before commit;
/// after commit the relay is nudged. Put the endpoint's retry before this filter so a retry gets a
/// fresh transaction.
/// </summary>
internal sealed class NpgsqlOutboxFilter<TMessage>(
    PersistenceDatabase database, OutboxRelaySignal relaySignal, string consumerId, string consumerType, ILogger logger)
    : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var messageId = context.MessageId ?? throw new MessageException(typeof(TMessage), "The Npgsql outbox needs a MessageId.");
        var cancellationToken = context.CancellationToken;
        var started = Stopwatch.GetTimestamp();

        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var npgsqlTransaction = await connection.BeginTransactionAsync(cancellationToken);
        var transaction = new ConsumeTransaction(connection, npgsqlTransaction);
        if (!await OutboxTable.TryRecordInboxAsync(transaction, messageId, consumerId, cancellationToken))
        {
            await npgsqlTransaction.RollbackAsync(cancellationToken);
            logger.DuplicateSkipped(messageId, context.CorrelationId, consumerId);
            // Acknowledge it as consumed, or MassTransit would move it to the _skipped queue.
            await context.NotifyConsumed(context, Stopwatch.GetElapsedTime(started), consumerType);
            return;
        }

        var capture = new OutboxCapture(context.TryGetPayload(out IServiceProvider? services) ? services : null);
        try
        {
            var outboxContext = new OutboxConsumeContext<TMessage>(context, capture, transaction);
            await next.Send(outboxContext);
            await outboxContext.ConsumeCompleted;
            await OutboxTable.InsertAsync(transaction, capture.Rows, cancellationToken);
            await npgsqlTransaction.CommitAsync(cancellationToken);
        }
        catch (Exception)
        {
            capture.EndTransaction(StoreAloneAsync);
            await npgsqlTransaction.RollbackAsync(CancellationToken.None);
            // Everything the failed consume published is dropped, except the Faults that report the failure.
            foreach (var fault in capture.Rows.Where(r => r.IsFault))
            {
                await StoreAloneAsync(fault, CancellationToken.None);
            }

            throw;
        }

        capture.EndTransaction(StoreAloneAsync);
        if (capture.Rows.Count > 0)
        {
            relaySignal.Notify();
        }
    }

    private async Task StoreAloneAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var npgsqlTransaction = await connection.BeginTransactionAsync(cancellationToken);
        await OutboxTable.InsertAsync(new ConsumeTransaction(connection, npgsqlTransaction), [row], cancellationToken);
        await npgsqlTransaction.CommitAsync(cancellationToken);
        relaySignal.Notify();
    }

    public void Probe(ProbeContext context) => context?.CreateFilterScope("npgsqlOutbox");
}
