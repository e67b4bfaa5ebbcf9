using MedPipeline.Orchestrator.Retention;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Persistence;
using MedPipeline.Persistence.Schema;
using MedPipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>One retention round on the real database, with the default ages (30 days for series, 7 for messages).</summary>
[Category(TestTiers.Integration)]
public sealed class When_the_retention_job_runs
{
    private const string EmptyJson = "{}";

    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task It_deletes_old_finished_series_and_old_delivered_messages_and_nothing_else()
    {
        var connectionString = (await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("retention")).Orchestrator;
        await using var database = new PersistenceDatabase(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions { ConnectionString = connectionString }));
        await new SchemaMigrator(database, [SeriesStateTable.Map], NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var rows = new SeriesRows(connectionString);
        await rows.ExecuteAsync($"""
            {Series(1, "Completed", days: 31)} {Series(2, "Failed", days: 40)} {Series(3, "NotSupported", days: 31)}
            {Series(4, "Completed", days: 29)} {Series(5, "Inferring", days: 60)} {Series(6, "Completed", days: 31, due: true)}
            INSERT INTO mp_inbox (message_id, consumer_id, received_at) VALUES
                (gen_random_uuid(), 'old', '{Now.AddDays(-8):O}'), (gen_random_uuid(), 'new', '{Now.AddDays(-6):O}');
            INSERT INTO mp_outbox (message_id, destination_address, content_type, message_type, body, sent_time, sent_at) VALUES
                (gen_random_uuid(), 'old-sent', 'json', 't', '{EmptyJson}', now(), '{Now.AddDays(-8):O}'),
                (gen_random_uuid(), 'new-sent', 'json', 't', '{EmptyJson}', now(), '{Now.AddDays(-6):O}'),
                (gen_random_uuid(), 'old-pending', 'json', 't', '{EmptyJson}', '{Now.AddDays(-9):O}', NULL);
            """);
        var job = new RetentionJob(database, Microsoft.Extensions.Options.Options.Create(new RetentionOptions()), new FixedTime(Now), NullLogger<RetentionJob>.Instance);

        await job.RunOnceAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await rows.ScalarAsync<string>("SELECT string_agg(right(correlation_id::text, 1), ',' ORDER BY correlation_id) FROM series_state"),
                Is.EqualTo("4,5,6"), "recent, running and still-due series stay");
            Assert.That(await rows.ScalarAsync<string>("SELECT string_agg(right(correlation_id::text, 1), ',' ORDER BY correlation_id) FROM medpipe_read.series_status"),
                Is.EqualTo("4,5,6"));
            Assert.That(await rows.ScalarAsync<string>("SELECT string_agg(consumer_id, ',') FROM mp_inbox"), Is.EqualTo("new"));
            Assert.That(await rows.ScalarAsync<string>("SELECT string_agg(destination_address, ',' ORDER BY destination_address) FROM mp_outbox"),
                Is.EqualTo("new-sent,old-pending"), "an undelivered message is never deleted");
        });
    }

    private static string Series(int n, string state, int days, bool due = false)
    {
        var id = $"0e7e0000-0000-4000-8000-00000000000{n}";
        var updated = Now.AddDays(-days).ToString("O");
        return $"""
            INSERT INTO series_state (correlation_id, current_state, version, due_at, data, updated_at)
                VALUES ('{id}', '{state}', 1, {(due ? "now()" : "NULL")}, '{EmptyJson}', '{updated}');
            INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, attempt, attempt_id, updated_at)
                VALUES ('{id}', 'st-olaf', '1.2', '1.2.{n}', 'xray-anomaly', '{state}', 1, gen_random_uuid(), '{updated}');
            """;
    }
}
