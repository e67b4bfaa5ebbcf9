using MedPipeline.LocalStack;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Tests.Database;
using MedPipeline.Persistence;
using MedPipeline.Persistence.Schema;
using MedPipeline.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>
/// A database with the pipeline's grants (infra/postgres): the orchestrator's role migrates it as the
/// orchestrator does at start-up and writes a status row; the gateway's role then tries what it may and may not do.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_each_service_logs_in_as_its_own_database_role
{
    private const string InsufficientPrivilege = "42501";
    private static readonly Guid Series = Guid.Parse("4a11ce00-0000-4000-8000-000000000001");

    private PipelineDatabase _database = null!;

    [OneTimeSetUp]
    public async Task MigrateAsOrchestratorAsync()
    {
        _database = await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync("roles");
        await using var database = new PersistenceDatabase(Microsoft.Extensions.Options.Options.Create(new PersistenceOptions { ConnectionString = _database.Orchestrator }));
        await new SchemaMigrator(database, [SeriesStateTable.Map], NullLogger<SchemaMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await new SeriesRows(_database.Orchestrator).ExecuteAsync($"""
            INSERT INTO {SeriesStatusTable.Name} (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, attempt, attempt_id)
            VALUES ('{Series}', 'st-olaf', '1.2.3', '1.2.3.4', 'xray-anomaly', 'Received', 1, gen_random_uuid())
            """);
    }

    /// <summary>Tables named later_* are the ones the tests below create.</summary>
    [Test]
    public async Task The_orchestrator_owns_every_table_it_created()
    {
        var owners = await new SeriesRows(_database.Administrator).ScalarAsync<string>("""
            SELECT string_agg(schemaname || '.' || tablename || '=' || tableowner, ',' ORDER BY schemaname, tablename)
            FROM pg_tables WHERE schemaname IN ('public', 'medpipe_read') AND tablename NOT LIKE 'later%'
            """);

        Assert.That(owners, Is.EqualTo(
            "medpipe_read.series_status=medpipe_orchestrator,public.mp_inbox=medpipe_orchestrator,public.mp_outbox=medpipe_orchestrator," +
            "public.mp_schema_version=medpipe_orchestrator,public.series_state=medpipe_orchestrator"));
    }

    [Test]
    public async Task The_orchestrator_can_change_its_tables_but_holds_no_cluster_privilege()
    {
        var orchestrator = new SeriesRows(_database.Orchestrator);

        await orchestrator.ExecuteAsync($"ALTER TABLE {SeriesStateTable.Name} ADD COLUMN probe integer; ALTER TABLE {SeriesStateTable.Name} DROP COLUMN probe");

        Assert.Multiple(async () =>
        {
            Assert.That(await orchestrator.ScalarAsync<string>(
                    "SELECT concat_ws(',', rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls) FROM pg_roles WHERE rolname = current_user"),
                Is.EqualTo("f,f,f,f,f"));
            Assert.That(await SqlStateOfAsync(_database.Orchestrator, "CREATE DATABASE medpipe_not_allowed"), Is.EqualTo(InsufficientPrivilege));
            Assert.That(await SqlStateOfAsync(_database.Orchestrator, "CREATE ROLE medpipe_not_allowed"), Is.EqualTo(InsufficientPrivilege));
        });
    }

    [Test]
    public async Task The_gateway_reads_the_status_read_model()
    {
        var gateway = new SeriesRows(_database.Gateway);

        Assert.That(await gateway.ScalarAsync<string>($"SELECT series_instance_uid FROM {SeriesStatusTable.Name} WHERE correlation_id = '{Series}'"),
            Is.EqualTo("1.2.3.4"));
    }

    [TestCase("INSERT INTO medpipe_read.series_status (correlation_id, organization, study_instance_uid, series_instance_uid, model_type, state, attempt, attempt_id) VALUES (gen_random_uuid(), 'x', 'x', 'x', 'x', 'Received', 1, gen_random_uuid())")]
    [TestCase("UPDATE medpipe_read.series_status SET state = 'Failed'")]
    [TestCase("DELETE FROM medpipe_read.series_status")]
    [TestCase("TRUNCATE medpipe_read.series_status")]
    [TestCase("ALTER TABLE medpipe_read.series_status ADD COLUMN probe integer")]
    [TestCase("SELECT count(*) FROM public.series_state")]
    [TestCase("SELECT count(*) FROM public.mp_outbox")]
    [TestCase("SELECT count(*) FROM public.mp_inbox")]
    [TestCase("SELECT count(*) FROM public.mp_schema_version")]
    [TestCase("CREATE TABLE medpipe_read.planted (x integer)")]
    [TestCase("CREATE TEMPORARY TABLE planted (x integer)")]
    public async Task The_gateway_is_refused(string sql)
    {
        Assert.That(await SqlStateOfAsync(_database.Gateway, sql), Is.EqualTo(InsufficientPrivilege));
    }

    [Test]
    public async Task A_read_model_table_the_orchestrator_creates_later_is_readable_by_the_gateway_and_nothing_more()
    {
        await new SeriesRows(_database.Orchestrator).ExecuteAsync("CREATE TABLE medpipe_read.later_read_model (id integer); INSERT INTO medpipe_read.later_read_model VALUES (7)");

        Assert.Multiple(async () =>
        {
            Assert.That(await new SeriesRows(_database.Gateway).ScalarAsync<int>("SELECT id FROM medpipe_read.later_read_model"), Is.EqualTo(7));
            Assert.That(await SqlStateOfAsync(_database.Gateway, "DELETE FROM medpipe_read.later_read_model"), Is.EqualTo(InsufficientPrivilege));
        });
    }

    [Test]
    public async Task A_private_table_the_orchestrator_creates_later_stays_hidden_from_the_gateway()
    {
        await new SeriesRows(_database.Orchestrator).ExecuteAsync("CREATE TABLE public.later_private (id integer)");

        Assert.That(await SqlStateOfAsync(_database.Gateway, "SELECT count(*) FROM public.later_private"), Is.EqualTo(InsufficientPrivilege));
    }

    private static async Task<string?> SqlStateOfAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await command.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e.SqlState;
        }
    }
}
