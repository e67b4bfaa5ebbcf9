using MassTransit;
using MassTransit.Middleware;
using MassTransit.Serialization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPipeline.Persistence.Outbox;

/// <summary>
/// Delivers committed outbox rows to the broker in commit order and marks them sent. Woken by
/// <see cref="OutboxRelaySignal"/> after each commit and by a poll, so rows left by a process that
/// died after commit go out once any orchestrator runs again. A transaction-scoped advisory lock
/// lets one relay at a time deliver, which keeps the order. A crash after send and before the
/// mark re-sends that batch with the same MessageIds; inboxes drop the duplicates.
/// </summary>
internal sealed class OutboxRelay(
    PersistenceDatabase database, OutboxRelaySignal signal, IBus bus, IOptions<PersistenceOptions> options, ILogger<OutboxRelay> logger)
    : BackgroundService
{
    private const long RelayLockKey = 0x4D50_5245_4C41; // "MPRELA"
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromMinutes(10);

    // Bounds how long a pass holds the relay lock while the broker does not answer.
    private static readonly TimeSpan BatchSendTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunRelay)
        {
            logger.RelayDisabled();
            return;
        }

        var nextCleanup = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DeliverBatchAsync(settings.RelayBatchSize, stoppingToken) == settings.RelayBatchSize)
                {
                }

                if (DateTime.UtcNow >= nextCleanup)
                {
                    nextCleanup = DateTime.UtcNow + CleanupInterval;
                    await DeleteExpiredAsync(settings.Retention, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.RelayFailed(exception);
            }

            try
            {
                await signal.WaitAsync(settings.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends up to <paramref name="limit"/> due rows; returns how many were sent.</summary>
    internal async Task<int> DeliverBatchAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var npgsqlTransaction = await connection.BeginTransactionAsync(cancellationToken);
        var transaction = new ConsumeTransaction(connection, npgsqlTransaction);
        await using (var command = transaction.CreateCommand($"SELECT pg_advisory_xact_lock({RelayLockKey})"))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var messages = await OutboxTable.ReadPendingAsync(transaction, limit, cancellationToken);
        var sent = new List<long>(messages.Count);
        using var sendTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        sendTimeout.CancelAfter(BatchSendTimeout);
        try
        {
            foreach (var message in messages)
            {
                if (message.ExpirationTime <= DateTime.UtcNow)
                {
                    logger.ExpiredMessageDropped(message.MessageId, message.CorrelationId);
                    sent.Add(message.SequenceNumber);
                    continue;
                }

                var endpoint = await bus.GetSendEndpoint(message.DestinationAddress);
                await endpoint.Send(new SerializedMessageBody(), new OutboxMessageSendPipe(message, message.DestinationAddress), sendTimeout.Token);
                sent.Add(message.SequenceNumber);
            }
        }
        finally
        {
            // Whatever went out is marked, even when a later send failed, so it is not sent twice.
            if (sent.Count > 0)
            {
                await OutboxTable.MarkSentAsync(transaction, sent, CancellationToken.None);
            }

            await npgsqlTransaction.CommitAsync(CancellationToken.None);
        }

        if (sent.Count > 0)
        {
            logger.RelayedMessages(sent.Count, sent[^1]);
        }

        return sent.Count;
    }

    private async Task DeleteExpiredAsync(TimeSpan retention, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var npgsqlTransaction = await connection.BeginTransactionAsync(cancellationToken);
        var deleted = await OutboxTable.DeleteExpiredAsync(new ConsumeTransaction(connection, npgsqlTransaction), retention, cancellationToken);
        await npgsqlTransaction.CommitAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.ExpiredRowsDeleted(deleted);
        }
    }
}
