using MedPipeline.Persistence.Schema;
using MedPipeline.Persistence.Tests.Probe;
using MedPipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MedPipeline.Persistence.Tests;

[Category(TestTiers.Integration)]
public sealed class When_two_orchestrators_migrate_at_once
{
    [Test]
    public async Task Each_step_is_applied_once_and_a_rerun_changes_nothing()
    {
        // As the orchestrator's role: migrating needs no more than owning the schema.
        var connectionString = (await (await MedPipeline.Testing.TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("migrate")).Orchestrator;
        var options = Options.Create(new PersistenceOptions { ConnectionString = connectionString });
        await using var first = new PersistenceDatabase(options);
        await using var second = new PersistenceDatabase(options);
        ISagaTableSchema[] tables = [ProbeSagaTable.Map];

        await Task.WhenAll(
            new SchemaMigrator(first, tables, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None),
            new SchemaMigrator(second, tables, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None));
        var database = new ProbeDatabase(connectionString);
        var appliedAt = await database.ScalarAsync<DateTime>("SELECT max(applied_at) FROM mp_schema_version");
        await new SchemaMigrator(first, tables, NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Multiple(async () =>
        {
            Assert.That(await database.ScalarAsync<string>(
                    "SELECT string_agg(component || '=' || version, ',' ORDER BY component) FROM mp_schema_version"),
                Is.EqualTo("core=1,saga:probe_saga=1"));
            Assert.That(await database.ScalarAsync<DateTime>("SELECT max(applied_at) FROM mp_schema_version"), Is.EqualTo(appliedAt));
            Assert.That(await database.ScalarAsync<long>(
                    "SELECT count(*) FROM pg_tables WHERE tablename IN ('mp_outbox', 'mp_inbox', 'probe_saga')"),
                Is.EqualTo(3));
        });
    }
}
