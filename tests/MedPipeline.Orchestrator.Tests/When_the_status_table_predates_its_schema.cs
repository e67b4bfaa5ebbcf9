using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Persistence;
using MedPipeline.Persistence.Schema;
using MedPipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>A database migrated by a build that kept series_status in schema public (read model version 1).</summary>
[Category(TestTiers.Integration)]
public sealed class When_the_status_table_predates_its_schema
{
    [Test]
    public async Task The_migration_moves_it_with_its_rows_into_medpipe_read()
    {
        var connectionString = await (await TestServices.PostgresAsync()).CreateDatabaseAsync("move");
        await using var database = new PersistenceDatabase(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions { ConnectionString = connectionString }));
        var migrator = new SchemaMigrator(database, [SeriesStateTable.Map], NullLogger<SchemaMigrator>.Instance);
        await migrator.MigrateAsync(CancellationToken.None);
        var rows = new SeriesRows(connectionString);
        await rows.ExecuteAsync("""
            ALTER TABLE medpipe_read.series_status SET SCHEMA public;
            DROP SCHEMA medpipe_read;
            UPDATE mp_schema_version SET version = 1 WHERE component = 'read-model:series_status';
            INSERT INTO public.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, attempt, attempt_id)
            VALUES ('9e0e0000-0000-4000-8000-000000000001', 'st-olaf', '1.2.3', '1.2.3.4', 'xray-anomaly', 'Completed', 1, gen_random_uuid());
            """);

        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await rows.ScalarAsync<string>("SELECT string_agg(schemaname, ',') FROM pg_tables WHERE tablename = 'series_status'"), Is.EqualTo("medpipe_read"));
            Assert.That(await rows.ScalarAsync<string>("SELECT series_instance_uid FROM medpipe_read.series_status"), Is.EqualTo("1.2.3.4"));
            Assert.That(await rows.ScalarAsync<int>("SELECT version FROM mp_schema_version WHERE component = 'read-model:series_status'"), Is.EqualTo(6));
        });
    }
}
