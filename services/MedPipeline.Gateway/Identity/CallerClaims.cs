using System.Security.Claims;

namespace MedPipeline.Gateway.Identity;

/// <summary>The claims every authenticated caller carries here, whatever proved who it is.</summary>
public static class CallerClaims
{
    public const string Organization = "medpipeline:organization";
    public const string Client = "medpipeline:client";

    /// <summary>The caller's organization; null for an anonymous caller.</summary>
    public static string? OrganizationOf(ClaimsPrincipal user) => user.FindFirst(Organization)?.Value;

    /// <summary>The key id, or the token's subject/client id: who acted, for the audit log.</summary>
    public static string ClientOf(ClaimsPrincipal user) => user.FindFirst(Client)?.Value ?? "anonymous";
}
