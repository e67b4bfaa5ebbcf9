using MedPipeline.Persistence;
using MedPipeline.Persistence.Retention;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Orchestrator.Retention;

/// <summary>Runs the retention deletes every <see cref="RetentionOptions.Every"/>; a database that does not answer waits for the next round.</summary>
public sealed partial class RetentionJob(PersistenceDatabase database, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionJob> logger)
    : BackgroundService
{
    /// <summary>One round: terminal series, then inbox and delivered outbox rows, each by its own age.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var series = await TerminalSeriesRetention.DeleteOlderThanAsync(database, now - options.Value.TerminalSeries, cancellationToken);
        var (inbox, outbox) = await MessageRetention.DeleteOlderThanAsync(database, now - options.Value.Messages, cancellationToken);
        LogDeleted(series, inbox, outbox);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Every, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Retention deleted {Series} finished series, {Inbox} inbox and {Outbox} delivered outbox rows")]
    private partial void LogDeleted(int series, int inbox, int outbox);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Retention round failed ({Error}); the next round tries again")]
    private partial void LogFailed(string error);
}
