using System.Security.Cryptography;
using System.Text;

namespace MedPipeline.LocalStack;

/// <summary>The passwords of MedPipeline's two database roles on one server, random per fixture.</summary>
public sealed record PostgresRoleLogins(string OrchestratorPassword, string GatewayPassword)
{
    public const string OrchestratorRole = "medpipe_orchestrator";
    public const string GatewayRole = "medpipe_gateway";

    public static PostgresRoleLogins NewRandom() => new(NewPassword(), NewPassword());

    /// <summary>
    /// For a shared external server: every test process derives the same passwords from the superuser's
    /// connection string, so processes running at once do not reset each other's logins.
    /// </summary>
    public static PostgresRoleLogins DerivedFrom(string superuser) => new(Derive(superuser, OrchestratorRole), Derive(superuser, GatewayRole));

    /// <summary>192 random bits, hex: no character that needs quoting in a connection string or a shell.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    private static string Derive(string superuser, string role) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(superuser), Encoding.UTF8.GetBytes(role)))[..48];
}
