using System.Security.Claims;
using MedPipeline.Organizations;

namespace MedPipeline.Gateway.Identity;

/// <summary>
/// The organization a request acts for is the caller's own: a named one that differs is refused (403),
/// an absent one is taken from the identity, and an identity whose organization is not configured here is refused.
/// </summary>
public static class OrganizationScope
{
    public static bool TryResolve(ClaimsPrincipal user, string? requested, OrganizationDirectory organizations, out string organization, out IResult refusal)
    {
        organization = CallerClaims.OrganizationOf(user) ?? "";
        refusal = Results.Empty;
        if (organization.Length == 0 || !organizations.TryGet(organization, out _))
        {
            refusal = Results.Problem(title: "Your organization is not configured here.", statusCode: StatusCodes.Status403Forbidden,
                detail: "The identity you sent names no organization this gateway serves.");
            return false;
        }

        if (!string.IsNullOrWhiteSpace(requested) && !string.Equals(requested, organization, StringComparison.Ordinal))
        {
            refusal = Results.Problem(title: "The organization does not match your identity.", statusCode: StatusCodes.Status403Forbidden,
                detail: "Leave 'organization' out, or send your own; requests are always made for the caller's organization.");
            return false;
        }

        return true;
    }
}
