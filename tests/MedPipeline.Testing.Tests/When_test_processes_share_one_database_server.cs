using MedPipeline.LocalStack;
using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Testing.Tests;

/// <summary>
/// With MEDPIPE_TEST_POSTGRES every test process creates the roles on the same server at about the same
/// time: they derive the same passwords and take turns.
/// </summary>
[Category(TestTiers.Integration)]
public sealed class When_test_processes_share_one_database_server
{
    [Test]
    public void They_derive_the_same_passwords_from_the_superusers_connection_string()
    {
        const string Superuser = "Host=db;Username=postgres;Password=ci-secret";

        var first = PostgresRoleLogins.DerivedFrom(Superuser);

        Assert.Multiple(() =>
        {
            Assert.That(PostgresRoleLogins.DerivedFrom(Superuser), Is.EqualTo(first));
            Assert.That(first.OrchestratorPassword, Is.Not.EqualTo(first.GatewayPassword));
            Assert.That(first.GatewayPassword, Has.Length.EqualTo(48).And.Not.Contains("ci-secret"));
            Assert.That(PostgresRoleLogins.DerivedFrom($"{Superuser}x"), Is.Not.EqualTo(first));
        });
    }

    [Test]
    public async Task Creating_the_roles_at_once_from_several_connections_succeeds_and_every_login_works()
    {
        var endpoint = await TestServices.PostgresAsync();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PipelineDatabaseRoles.CreateRolesAsync(endpoint.ConnectionString, endpoint.Roles)));

        var database = await endpoint.CreatePipelineDatabaseAsync("shared");
        await using var connection = new NpgsqlConnection(database.Gateway);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(PostgresRoleLogins.GatewayRole));
    }
}
