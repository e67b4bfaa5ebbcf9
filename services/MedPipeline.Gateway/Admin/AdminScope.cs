using System.Security.Claims;
using MedPipeline.Gateway.Identity;
using MedPipeline.Organizations;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// Which organizations an admin may see: its own, or every one for a global operator
/// (<see cref="AdminOptions.OperatorOrganizations"/>). Null organizations means all of them.
/// </summary>
public static class AdminScope
{
    public static bool TryResolve(ClaimsPrincipal user, string? requested, OrganizationDirectory organizations, AdminOptions options,
        out string[]? visible, out IResult refusal)
    {
        visible = null;
        var own = CallerClaims.OrganizationOf(user);
        if (own is not null && options.OperatorOrganizations.Contains(own, StringComparer.Ordinal))
        {
            refusal = Results.Empty;
            visible = string.IsNullOrWhiteSpace(requested) ? null : [requested];
            return true;
        }

        if (!OrganizationScope.TryResolve(user, requested, organizations, out var organization, out refusal))
        {
            return false;
        }

        visible = [organization];
        return true;
    }

    /// <summary>Whether a series of <paramref name="organization"/> is visible; an invisible one is answered as absent.</summary>
    public static bool Sees(string[]? visible, string organization) => visible is null || visible.Contains(organization, StringComparer.Ordinal);
}
