using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// Closes every pending series whose quiet period has passed (or whose commit was asked). It reads the pending
/// series from the store on every scan, so after a restart the series that waited are closed as if nothing happened.
/// </summary>
public sealed partial class DicomWebQuietPeriodSweep(PendingSeriesStore pending, DicomWebSeriesCloser closer, IOptions<DicomWebOptions> options,
    TimeProvider clock, ILogger<DicomWebQuietPeriodSweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The broker or the store may be away for a while: the series stay pending and the next scan tries again.
                LogSweepFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await pending.Lock.WaitAsync(cancellationToken);
        try
        {
            var due = clock.GetUtcNow() - options.Value.QuietPeriod;
            foreach (var series in await pending.AllAsync(cancellationToken))
            {
                if (series.CommitRequested || series.LastReceivedAt <= due)
                {
                    await closer.CloseAsync(series, cancellationToken);
                }
            }
        }
        finally
        {
            pending.Lock.Release();
        }
    }

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "DICOMweb pending series sweep failed ({Error}: {Detail}); retrying at the next scan")]
    private static partial void LogSweepFailed(ILogger logger, string error, string detail);
}
