using MassTransit;
using MassTransit.Middleware.Outbox;
using MassTransit.Transports;
using MedPipeline.Persistence.Outbox;
using MedPipeline.Persistence.Saga;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPipeline.Persistence.Timeouts;

/// <summary>
/// Durable timeouts without a broker scheduler: due times live in the saga table's due_at column.
/// Each pass locks due rows (SKIP LOCKED, so several orchestrators share the work), writes the
/// saga's timeout event into the outbox and clears due_at in the same transaction: a crash either
/// leaves the row due (swept again) or the event committed (relayed later), never neither.
/// </summary>
internal sealed class TimeoutSweeper<TSaga>(
    PersistenceDatabase database,
    SagaTableMap<TSaga> map,
    SagaRowStore<TSaga> store,
    IBus bus,
    OutboxRelaySignal relaySignal,
    IOptions<PersistenceOptions> options,
    ILogger<TimeoutSweeper<TSaga>> logger) : BackgroundService
    where TSaga : class, ISagaVersion
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SweepBatchAsync(settings.SweepBatchSize, stoppingToken) == settings.SweepBatchSize)
                {
                }

                await Task.Delay(settings.SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.SweepFailed(exception, map.TableName);
                await Task.Delay(settings.SweepInterval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Fires the timeouts of up to <paramref name="limit"/> due instances; returns how many were due.</summary>
    internal async Task<int> SweepBatchAsync(int limit, CancellationToken cancellationToken)
    {
        var timeoutEvent = map.TimeoutEvent ?? throw new InvalidOperationException($"{map.TableName} has no timeout event factory.");
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var npgsqlTransaction = await connection.BeginTransactionAsync(cancellationToken);
        var transaction = new ConsumeTransaction(connection, npgsqlTransaction);

        var due = new List<TSaga>();
        await using (var select = transaction.CreateCommand($"""
            SELECT data, version FROM {map.TableName} WHERE due_at <= now()
            ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED
            """))
        {
            select.Parameters.Add(new() { Value = limit });
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                due.Add(store.Read(reader.GetString(0), reader.GetInt32(1)));
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        var capture = new OutboxCapture(null);
        var publishEndpoint = new PublishEndpoint(new OutboxPublishEndpointProvider(capture, bus));
        foreach (var saga in due)
        {
            if (timeoutEvent(saga) is { } message)
            {
                await publishEndpoint.Publish(message, message.GetType(), cancellationToken);
                logger.TimeoutFired(saga.CorrelationId, map.TableName, message.GetType().Name);
            }
        }

        await using (var clear = transaction.CreateCommand($"UPDATE {map.TableName} SET due_at = NULL WHERE correlation_id = ANY($1)"))
        {
            clear.Parameters.Add(new() { Value = due.Select(s => s.CorrelationId).ToArray() });
            await clear.ExecuteNonQueryAsync(cancellationToken);
        }

        await OutboxTable.InsertAsync(transaction, capture.Rows, cancellationToken);
        await npgsqlTransaction.CommitAsync(cancellationToken);
        if (capture.Rows.Count > 0)
        {
            relaySignal.Notify();
        }

        return due.Count;
    }
}
