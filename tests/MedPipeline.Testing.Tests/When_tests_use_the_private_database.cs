using MedPipeline.Testing;
using Npgsql;

namespace MedPipeline.Testing.Tests;

[Category(TestTiers.Integration)]
public sealed class When_tests_use_the_private_database
{
    [Test]
    public async Task A_written_row_is_read_back()
    {
        var endpoint = await TestServices.PostgresAsync();
        var connectionString = await endpoint.CreateDatabaseAsync("probe");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE probe (id uuid PRIMARY KEY, note text NOT NULL)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var id = Guid.NewGuid();
        await using (var insert = new NpgsqlCommand("INSERT INTO probe (id, note) VALUES ($1, $2)", connection))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = id });
            insert.Parameters.Add(new NpgsqlParameter { Value = "hello database" });
            Assert.That(await insert.ExecuteNonQueryAsync(), Is.EqualTo(1));
        }

        await using var select = new NpgsqlCommand("SELECT note FROM probe WHERE id = $1", connection);
        select.Parameters.Add(new NpgsqlParameter { Value = id });
        Assert.That(await select.ExecuteScalarAsync(), Is.EqualTo("hello database"));
    }

    [Test]
    public async Task The_server_is_PostgreSQL_15_or_newer()
    {
        var endpoint = await TestServices.PostgresAsync();
        await using var connection = new NpgsqlConnection(endpoint.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var version = int.Parse((string)(await command.ExecuteScalarAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(version, Is.GreaterThanOrEqualTo(150000));
    }
}
