using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Testing.Tests;

/// <summary>The private PostgreSQL authenticates every login with scram-sha-256; nothing is trusted.</summary>
[Category(TestTiers.Integration)]
public sealed class When_a_login_has_no_valid_password
{
    private const string InvalidPassword = "28P01";

    [TestCase("postgres")]
    [TestCase(PostgresRoleLogins.OrchestratorRole)]
    [TestCase(PostgresRoleLogins.GatewayRole)]
    public async Task A_wrong_password_is_refused(string role)
    {
        var endpoint = await TestServices.PostgresAsync();
        var wrong = new NpgsqlConnectionStringBuilder(endpoint.ConnectionString) { Username = role, Password = PostgresRoleLogins.NewPassword() };
        await using var connection = new NpgsqlConnection(wrong.ConnectionString);

        var error = Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());

        Assert.That(error!.SqlState, Is.EqualTo(InvalidPassword));
    }

    [Test]
    public async Task A_login_without_password_is_refused()
    {
        var endpoint = await TestServices.PostgresAsync();
        var none = new NpgsqlConnectionStringBuilder(endpoint.ConnectionString) { Username = PostgresRoleLogins.GatewayRole, Password = null, Passfile = "/dev/null" };
        await using var connection = new NpgsqlConnection(none.ConnectionString);

        var error = Assert.ThrowsAsync<NpgsqlException>(() => connection.OpenAsync());

        Assert.That(error!.Message, Does.Contain("No password has been provided but the backend requires one"));
    }

    [Test]
    public async Task The_roles_log_in_with_their_own_passwords_which_the_server_keeps_as_scram_verifiers()
    {
        var endpoint = await TestServices.PostgresAsync();
        var database = await endpoint.CreatePipelineDatabaseAsync("scram");
        await using var superuser = new NpgsqlConnection(database.Administrator);
        await superuser.OpenAsync();
        await using var verifiers = new NpgsqlCommand(
            "SELECT string_agg(rolname || '=' || split_part(rolpassword, '$', 1), ',' ORDER BY rolname) FROM pg_authid WHERE rolname LIKE 'medpipe_%'", superuser);

        Assert.Multiple(async () =>
        {
            Assert.That(await verifiers.ExecuteScalarAsync(), Is.EqualTo("medpipe_gateway=SCRAM-SHA-256,medpipe_orchestrator=SCRAM-SHA-256"));
            Assert.That(await CurrentUserAsync(database.Orchestrator), Is.EqualTo(PostgresRoleLogins.OrchestratorRole));
            Assert.That(await CurrentUserAsync(database.Gateway), Is.EqualTo(PostgresRoleLogins.GatewayRole));
        });
    }

    [Test]
    public async Task Every_line_of_the_private_servers_pg_hba_asks_for_scram()
    {
        var endpoint = await TestServices.PostgresAsync();
        Assume.That(TestServices.PrivatePostgres, Is.Not.Null, "an external database is in use");
        await using var connection = new NpgsqlConnection(endpoint.ConnectionString);
        await connection.OpenAsync();
        await using var methods = new NpgsqlCommand("SELECT string_agg(DISTINCT auth_method, ',') FROM pg_hba_file_rules", connection);

        Assert.That(await methods.ExecuteScalarAsync(), Is.EqualTo("scram-sha-256"));
    }

    private static async Task<string?> CurrentUserAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
