using System.Reflection;
using Npgsql;

namespace MedPipeline.LocalStack;

/// <summary>
/// Runs infra/postgres/medpipeline-roles.sql and medpipeline-database.sql (embedded in this assembly;
/// docker-compose mounts the same files), so fixtures, demo and compose share one definition of the roles.
/// </summary>
public static class PipelineDatabaseRoles
{
    private const string DuplicateObject = "42710";
    private const string UniqueViolation = "23505";

    public static string RolesSql { get; } = Embedded("medpipeline-roles.sql");

    public static string DatabaseSql { get; } = Embedded("medpipeline-database.sql");

    /// <summary>Creates (or updates the passwords of) the roles; <paramref name="superuser"/> may name any database.</summary>
    public static async Task CreateRolesAsync(string superuser, PostgresRoleLogins logins)
    {
        ArgumentNullException.ThrowIfNull(logins);
        await using var connection = new NpgsqlConnection(superuser);
        await connection.OpenAsync();
        // The SQL reads the passwords from session settings, so the file itself holds none (see its header).
        await using (var passwords = new NpgsqlCommand(
            "SELECT set_config('medpipe.orchestrator_password', $1, false), set_config('medpipe.gateway_password', $2, false)", connection))
        {
            passwords.Parameters.Add(new NpgsqlParameter { Value = logins.OrchestratorPassword });
            passwords.Parameters.Add(new NpgsqlParameter { Value = logins.GatewayPassword });
            await passwords.ExecuteNonQueryAsync();
        }

        await using var roles = new NpgsqlCommand(RolesSql, connection);
        try
        {
            await roles.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is DuplicateObject or UniqueViolation)
        {
            // Another test process created a role between the file's existence check and its CREATE ROLE: now it exists.
            await roles.ExecuteNonQueryAsync();
        }
    }

    /// <summary>The grants of one pipeline database; <paramref name="superuserInDatabase"/> must name that database.</summary>
    public static async Task GrantAsync(string superuserInDatabase)
    {
        await using var connection = new NpgsqlConnection(superuserInDatabase);
        await connection.OpenAsync();
        await using var grants = new NpgsqlCommand(DatabaseSql, connection);
        await grants.ExecuteNonQueryAsync();
    }

    private static string Embedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
