using Npgsql;

namespace MedPipeline.LocalStack;

/// <summary>
/// Where tests find PostgreSQL: a superuser connection string, and the passwords of the pipeline's
/// roles (<see cref="PipelineDatabaseRoles"/>) on that server.
/// </summary>
public sealed record PostgresEndpoint(string ConnectionString, PostgresRoleLogins Roles)
{
    /// <summary>A server given by its superuser connection string; creates (or updates) the roles with these passwords.</summary>
    public static async Task<PostgresEndpoint> WithRolesAsync(string superuser, PostgresRoleLogins roles)
    {
        await PipelineDatabaseRoles.CreateRolesAsync(superuser, roles);
        return new PostgresEndpoint(superuser, roles);
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database }.ConnectionString;

    /// <summary>Creates a fresh database for one test class, so tests do not see each other's rows (superuser connection string).</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <summary>A fresh database with the pipeline's grants, and one connection string per role.</summary>
    public async Task<PipelineDatabase> CreatePipelineDatabaseAsync(string prefix)
    {
        var administrator = await CreateDatabaseAsync(prefix);
        await PipelineDatabaseRoles.GrantAsync(administrator);
        return new PipelineDatabase(administrator,
            As(administrator, PostgresRoleLogins.OrchestratorRole, Roles.OrchestratorPassword),
            As(administrator, PostgresRoleLogins.GatewayRole, Roles.GatewayPassword));
    }

    private static string As(string connectionString, string role, string password) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = password }.ConnectionString;
}
