using System.Diagnostics.Metrics;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Orchestrator.Metrics;
using MedPipeline.Orchestrator.Options;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Persistence;
using MedPipeline.Persistence.Schema;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>
/// The series gauges on the real read model, with the default timeouts (unpack 5 min, preprocess and inference
/// 10 min) and a series stuck after 3 of them.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_series_are_counted_for_the_metrics
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_gauges_report_series_per_state_and_organization_and_stuck_series_per_stage()
    {
        var connectionString = (await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("metrics")).Orchestrator;
        await using var database = new PersistenceDatabase(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions { ConnectionString = connectionString }));
        await new SchemaMigrator(database, [SeriesStateTable.Map], NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new SeriesRows(connectionString).ExecuteAsync(string.Concat(
            Series(1, "st-olaf", "Received", "Unpack", received: 16),
            Series(2, "st-olaf", "Unpacking", "Unpack", received: 14),
            Series(3, "st-olaf", "Preprocessing", "Preprocess", received: 40, unpacked: 31),
            Series(4, "other-hospital", "Inferring", "Inference", received: 40, unpacked: 35, preprocessed: 29),
            Series(5, "st-olaf", "Completed", "Callback", received: 3000, unpacked: 3000, preprocessed: 3000),
            Series(6, "st-olaf", "Completed", null, received: 3000, unpacked: 3000, preprocessed: 3000),
            Series(7, "other-hospital", "Failed", null, received: 3000)));
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var byState = new MetricCollector<long>(meters, MedPipelineTelemetry.Name, SeriesGauges.SeriesInstrument);
        using var stuck = new MetricCollector<long>(meters, MedPipelineTelemetry.Name, SeriesGauges.StuckInstrument);
        using var gauges = new SeriesGauges(meters, new SeriesCountsQuery(database), Microsoft.Extensions.Options.Options.Create(new SeriesMetricsOptions()),
            Microsoft.Extensions.Options.Options.Create(new StageTimeouts()), new FixedTime(Now), NullLogger<SeriesGauges>.Instance);

        await gauges.RefreshAsync(CancellationToken.None);
        byState.RecordObservableInstruments();
        stuck.RecordObservableInstruments();

        Assert.That(byState.GetMeasurementSnapshot().Select(m => ($"{m.Tags["medpipeline.state"]}", $"{m.Tags["medpipeline.organization"]}", m.Value)), Is.EquivalentTo(new[]
        {
            ("Received", "st-olaf", 1L), ("Unpacking", "st-olaf", 1L), ("Preprocessing", "st-olaf", 1L), ("Inferring", "other-hospital", 1L),
            ("Completed", "st-olaf", 2L), ("Failed", "other-hospital", 1L),
        }));
        Assert.That(stuck.GetMeasurementSnapshot().Select(m => ($"{m.Tags["medpipeline.stage"]}", m.Value)),
            Is.EquivalentTo(new[] { ("Unpack", 1L), ("Preprocess", 1L), ("Inference", 0L) }),
            "past 15 min in Unpack, past 30 in Preprocess; finished series waiting for a callback redelivery are not stuck");
    }

    [Test]
    public async Task A_database_that_does_not_answer_leaves_the_gauges_empty_rather_than_stale()
    {
        await using var database = new PersistenceDatabase(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions
        {
            ConnectionString = "Host=127.0.0.1;Port=9;Database=none;Username=none;Password=none;Timeout=2",
        }));
        await using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        using var byState = new MetricCollector<long>(meters, MedPipelineTelemetry.Name, SeriesGauges.SeriesInstrument);
        using var gauges = new SeriesGauges(meters, new SeriesCountsQuery(database), Microsoft.Extensions.Options.Options.Create(new SeriesMetricsOptions()),
            Microsoft.Extensions.Options.Options.Create(new StageTimeouts()), new FixedTime(Now), NullLogger<SeriesGauges>.Instance);

        await gauges.StartAsync(CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1));
        byState.RecordObservableInstruments();
        await gauges.StopAsync(CancellationToken.None);

        Assert.That(gauges.Counts, Is.SameAs(SeriesCounts.None));
        Assert.That(byState.GetMeasurementSnapshot(), Is.Empty);
    }

    private static string Series(int n, string organization, string state, string? stage, int received, int? unpacked = null, int? preprocessed = null) => $"""
        INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, stage,
            attempt, attempt_id, received_at, unpacked_at, preprocessed_at)
        VALUES ('0e7e0000-0000-4000-8000-00000000000{n}', '{organization}', '1.2', '1.2.{n}', 'xray-anomaly', '{state}', {Text(stage)},
            1, gen_random_uuid(), {MinutesAgo(received)}, {MinutesAgo(unpacked)}, {MinutesAgo(preprocessed)});
        """;

    private static string Text(string? value) => value is null ? "NULL" : $"'{value}'";

    private static string MinutesAgo(int? minutes) => minutes is null ? "NULL" : $"'{Now.AddMinutes(-minutes.Value):O}'";
}
