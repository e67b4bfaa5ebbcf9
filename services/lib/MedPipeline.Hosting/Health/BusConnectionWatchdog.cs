using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MedPipeline.Hosting.Health;

/// <summary>
/// Watches the bus's health (MassTransit reports Degraded or Unhealthy while it is not connected). A bus
/// that stays not healthy longer than <see cref="BusWatchdogOptions.BusDisconnectedExitAfter"/> stops the
/// host with <see cref="ExitCode"/>: MassTransit issue #5692 showed a worker that never reconnected after
/// a broker restart, and a fresh process always does. It also gives up sooner, after
/// <see cref="BusWatchdogOptions.BusReconnectGrace"/>, when the broker already accepts connections again
/// and the bus has still not reconnected.
/// </summary>
public sealed partial class BusConnectionWatchdog(
    IBusControl bus, IOptions<BusWatchdogOptions> options, IHostApplicationLifetime lifetime, ILogger<BusConnectionWatchdog> logger,
    IBrokerProbe? broker = null) : BackgroundService
{
    /// <summary>EX_TEMPFAIL: a temporary failure, worth a restart.</summary>
    public const int ExitCode = 75;

    private long _notHealthySince;
    private long _brokerAnswersSince;

    /// <summary>How long the bus has been not healthy; null while it is healthy.</summary>
    public TimeSpan? NotHealthyFor => Interlocked.Read(ref _notHealthySince) is var since and not 0 ? Stopwatch.GetElapsedTime(since) : null;

    /// <summary>True once the bus has been not healthy longer than allowed: the process is on its way out.</summary>
    public bool GaveUp => NotHealthyFor >= options.Value.BusDisconnectedExitAfter;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var limit = options.Value.BusDisconnectedExitAfter;
        using var timer = new PeriodicTimer(options.Value.CheckInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (await CheckAsync(limit, stoppingToken))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <returns>True when the host was told to stop.</returns>
    private async Task<bool> CheckAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var health = bus.CheckHealth();
        if (health.Status == BusHealthStatus.Healthy)
        {
            _brokerAnswersSince = 0;
            if (Interlocked.Exchange(ref _notHealthySince, 0) is not 0 and var since)
            {
                LogHealthyAgain(Stopwatch.GetElapsedTime(since));
            }

            return false;
        }

        if (Interlocked.CompareExchange(ref _notHealthySince, Stopwatch.GetTimestamp(), 0) == 0)
        {
            LogNotHealthy(health.Status, health.Description, limit);
            return false;
        }

        if (!GaveUp && !await BrokerAnsweredLongEnoughAsync(cancellationToken))
        {
            return false;
        }

        LogGivingUp(health.Status, NotHealthyFor!.Value, ExitCode);
        Environment.ExitCode = ExitCode;
        lifetime.StopApplication();
        return true;
    }

    private async Task<bool> BrokerAnsweredLongEnoughAsync(CancellationToken cancellationToken)
    {
        if (broker is null || !await broker.AnswersAsync(cancellationToken))
        {
            _brokerAnswersSince = 0;
            return false;
        }

        if (_brokerAnswersSince == 0)
        {
            _brokerAnswersSince = Stopwatch.GetTimestamp();
        }

        return Stopwatch.GetElapsedTime(_brokerAnswersSince) >= options.Value.BusReconnectGrace;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Bus is {Status} ({Description}); the service exits if it stays so for {Limit}")]
    private partial void LogNotHealthy(BusHealthStatus status, string description, TimeSpan limit);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Bus is healthy again after {Duration}")]
    private partial void LogHealthyAgain(TimeSpan duration);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Critical,
        Message = "Bus has been {Status} for {Duration} and did not reconnect: stopping with exit code {ExitCode} so the supervisor starts a fresh process")]
    private partial void LogGivingUp(BusHealthStatus status, TimeSpan duration, int exitCode);
}
