using System.Security.Cryptography;

namespace MedPipeline.LocalStack;

/// <summary>The passwords of MedPipeline's two database roles on one server, random per fixture.</summary>
public sealed record PostgresRoleLogins(string OrchestratorPassword, string GatewayPassword)
{
    public const string OrchestratorRole = "medpipe_orchestrator";
    public const string GatewayRole = "medpipe_gateway";

    public static PostgresRoleLogins NewRandom() => new(NewPassword(), NewPassword());

    /// <summary>192 random bits, hex: no character that needs quoting in a connection string or a shell.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}
