using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace MedPipeline.Gateway.Identity;

/// <summary>After a token is validated: the configured organization and role claims become ours.</summary>
internal static class JwtClaimsMapping
{
    public static Task OnTokenValidated(TokenValidatedContext context, GatewayIdentityOptions options)
    {
        var user = context.Principal!;
        var organization = user.FindFirst(options.OrganizationClaim)?.Value;
        if (string.IsNullOrWhiteSpace(organization))
        {
            context.Fail($"The token has no '{options.OrganizationClaim}' claim.");
            return Task.CompletedTask;
        }

        var client = user.FindFirst("azp")?.Value ?? user.FindFirst("client_id")?.Value ?? user.FindFirst("sub")?.Value
            ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? "token";
        var roles = user.FindAll(options.RoleClaim).Select(c => c.Value)
            .SelectMany(v => v.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var identity = new ClaimsIdentity(
            [new(CallerClaims.Organization, organization), new(CallerClaims.Client, $"jwt:{client}"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            JwtBearerDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        return Task.CompletedTask;
    }
}
