using System.Diagnostics.Metrics;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Orchestrator.Options;
using Microsoft.Extensions.Options;
using Npgsql;

namespace MedPipeline.Orchestrator.Metrics;

/// <summary>
/// Series by state and organization, and stuck series by stage, as gauges on the MedPipeline meter. Gauges read
/// from the read model, not counters of transitions: they survive restarts, agree with what the gateway and the
/// admin API show, and count series that moved while no orchestrator ran. Each orchestrator reports the same
/// totals, so dashboards take max() over instances. A scrape only reads the last counts; the database is asked
/// every <see cref="SeriesMetricsOptions.RefreshEvery"/>. When it does not answer, the gauges report nothing
/// (absent, not stale) until it does.
/// </summary>
public sealed partial class SeriesGauges : BackgroundService
{
    public const string SeriesInstrument = "medpipeline.series";

    public const string StuckInstrument = "medpipeline.series.stuck";

    private readonly SeriesCountsQuery _query;
    private readonly SeriesMetricsOptions _options;
    private readonly StageTimeouts _timeouts;
    private readonly TimeProvider _time;
    private readonly ILogger<SeriesGauges> _logger;
    private volatile SeriesCounts _counts = SeriesCounts.None;

    public SeriesGauges(IMeterFactory meters, SeriesCountsQuery query, IOptions<SeriesMetricsOptions> options, IOptions<StageTimeouts> timeouts,
        TimeProvider time, ILogger<SeriesGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (_query, _options, _timeouts, _time, _logger) = (query, options.Value, timeouts.Value, time, logger);
        var meter = meters.Create(MedPipelineTelemetry.Name);
        meter.CreateObservableGauge(SeriesInstrument, ObserveByState, unit: "{series}", description: "Series per state and organization.");
        meter.CreateObservableGauge(StuckInstrument, ObserveStuck, unit: "{series}",
            description: "Series in a running state for several times their stage's timeout, per stage.");
    }

    /// <summary>The counts the gauges report now.</summary>
    public SeriesCounts Counts => _counts;

    public async Task RefreshAsync(CancellationToken cancellationToken) =>
        _counts = await _query.ReadAsync(_time.GetUtcNow(), _timeouts, _options.StuckAfterTimeouts, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.RefreshEvery, _time);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                _counts = SeriesCounts.None;
                LogFailed(e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private IEnumerable<Measurement<long>> ObserveByState() =>
        _counts.ByState.Select(c => new Measurement<long>(c.Count,
            new KeyValuePair<string, object?>("medpipeline.state", c.State), new KeyValuePair<string, object?>("medpipeline.organization", c.Organization)));

    private IEnumerable<Measurement<long>> ObserveStuck() =>
        _counts.StuckByStage.Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("medpipeline.stage", s.Key)));

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Counting series for the metrics failed ({Error}); the gauges are empty until the next round works")]
    private partial void LogFailed(string error);
}
