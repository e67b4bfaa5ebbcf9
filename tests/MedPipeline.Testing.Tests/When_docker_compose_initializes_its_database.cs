using System.Diagnostics;
using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Testing.Tests;

/// <summary>
/// infra/postgres/initdb.sh, as the postgres image runs it from /docker-entrypoint-initdb.d (psql with the
/// image's variables), against a fresh database of the private server: the same SQL the fixtures run.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_docker_compose_initializes_its_database
{
    private static readonly string Sql = Path.Combine(RepositoryPaths.Root, "infra", "postgres");

    [Test]
    public void The_compose_file_mounts_the_script_and_the_sql_the_fixtures_embed()
    {
        var compose = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docker-compose.yml"));

        Assert.Multiple(() =>
        {
            Assert.That(compose, Does.Contain("- ./infra/postgres:/medpipeline/postgres:ro"));
            Assert.That(compose, Does.Contain("- ./infra/postgres/initdb.sh:/docker-entrypoint-initdb.d/"));
            Assert.That(File.ReadAllText(Path.Combine(Sql, "medpipeline-roles.sql")), Is.EqualTo(PipelineDatabaseRoles.RolesSql));
            Assert.That(File.ReadAllText(Path.Combine(Sql, "medpipeline-database.sql")), Is.EqualTo(PipelineDatabaseRoles.DatabaseSql));
        });
    }

    [Test]
    public async Task The_script_grants_the_roles_their_rights_in_the_database()
    {
        var endpoint = await TestServices.PostgresAsync();
        var database = await endpoint.CreateDatabaseAsync("compose");

        // The passwords the fixture already set: the roles part runs for real and changes nothing others rely on.
        var (exitCode, output) = await RunScriptAsync(database, endpoint.Roles.OrchestratorPassword, endpoint.Roles.GatewayPassword);

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database)
        {
            Username = PostgresRoleLogins.GatewayRole, Password = endpoint.Roles.GatewayPassword,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var rights = new NpgsqlCommand("""
            SELECT concat_ws(',', pg_get_userbyid(n.nspowner), has_schema_privilege('medpipe_read', 'USAGE'), has_schema_privilege('public', 'USAGE'))
            FROM pg_namespace n WHERE n.nspname = 'public'
            """, connection);
        Assert.Multiple(async () =>
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(await rights.ExecuteScalarAsync(), Is.EqualTo("medpipe_orchestrator,t,f"));
            Assert.That(output, Does.Not.Contain(endpoint.Roles.GatewayPassword).And.Not.Contain(endpoint.Roles.OrchestratorPassword));
        });
    }

    [Test]
    public async Task A_short_password_stops_the_script_and_names_the_setting()
    {
        var endpoint = await TestServices.PostgresAsync();
        var database = await endpoint.CreateDatabaseAsync("compose");

        var (exitCode, output) = await RunScriptAsync(database, "short", endpoint.Roles.GatewayPassword);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.Zero);
            Assert.That(output, Does.Contain("medpipe.orchestrator_password is missing or shorter than 16 characters"));
        });
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string superuser, string orchestratorPassword, string gatewayPassword)
    {
        var connection = new NpgsqlConnectionStringBuilder(superuser);
        var start = new ProcessStartInfo("/bin/sh", [Path.Combine(Sql, "initdb.sh")]) { RedirectStandardOutput = true, RedirectStandardError = true };
        // What the postgres image provides (its entrypoint exports PGPASSWORD); host and port because this server listens on TCP.
        start.Environment["PATH"] = $"{PrivatePostgres.BinDirectory}:/usr/bin:/bin";
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGPASSWORD"] = connection.Password;
        start.Environment["POSTGRES_USER"] = connection.Username;
        start.Environment["POSTGRES_DB"] = connection.Database;
        start.Environment["MEDPIPE_POSTGRES_SQL"] = Sql;
        start.Environment["MEDPIPE_ORCHESTRATOR_DB_PASSWORD"] = orchestratorPassword;
        start.Environment["MEDPIPE_GATEWAY_DB_PASSWORD"] = gatewayPassword;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
