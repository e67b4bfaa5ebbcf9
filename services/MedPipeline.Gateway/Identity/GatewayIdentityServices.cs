using System.Net;
using MedPipeline.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace MedPipeline.Gateway.Identity;

/// <summary>
/// Authentication (X-API-Key per organization, bearer JWTs when configured) and the role policies.
/// Nothing but /health/* answers an unauthenticated caller, unless single images are configured anonymous.
/// Settings are read when a request needs them, so configuration added by a host builder applies.
/// </summary>
public static class GatewayIdentityServices
{
    private const string Scheme = "MedPipeline";

    public static WebApplicationBuilder AddGatewayIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayIdentityOptions>().BindConfiguration(GatewayIdentityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<GatewayIdentityOptions>, GatewayIdentityValidation>();
        builder.Services.AddSingleton<ApiKeyVerifier>();
        builder.Services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or bearer token", o => o.ForwardDefaultSelector = SchemeFor)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<GatewayIdentityOptions>>((o, identity) => ConfigureJwt(o, identity.Value));

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(GatewayRoles.Submit, p => p.RequireClaim(CallerClaims.Organization).RequireRole(GatewayRoles.Submit))
            .AddPolicy(GatewayRoles.Read, p => p.RequireClaim(CallerClaims.Organization).RequireRole(GatewayRoles.Read))
            .AddPolicy(GatewayRoles.Admin, p => p.RequireClaim(CallerClaims.Organization).RequireRole(GatewayRoles.Admin))
            .AddPolicy(GatewayRoles.SingleImage, p => p.RequireAssertion(c => IsAuthenticated(c) || AnonymousSingleImage(c)))
            .AddPolicy(GatewayRoles.OpenApi, p => p.RequireAssertion(c => IsAuthenticated(c) || (Options(c)?.PublicOpenApi ?? false)))
            // The page and its files (served before any endpoint) follow the single-image rule.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAssertion(c => IsAuthenticated(c) || AnonymousSingleImage(c)).Build());
        return builder;
    }

    private static string SchemeFor(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptions<GatewayIdentityOptions>>().Value.Jwt.Enabled
        && !http.Request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
        && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? JwtBearerDefaults.AuthenticationScheme
            : ApiKeyAuthenticationHandler.SchemeName;

    private static void ConfigureJwt(JwtBearerOptions o, GatewayIdentityOptions identity)
    {
        var jwt = identity.Jwt;
        o.Authority = string.IsNullOrWhiteSpace(jwt.Authority) ? null : jwt.Authority;
        o.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
        o.MapInboundClaims = false;
        o.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrWhiteSpace(jwt.Issuer) ? null : jwt.Issuer,
            ValidateAudience = true,
            ValidAudience = jwt.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            IssuerSigningKeys = [.. jwt.SigningKeys.Select(k => SigningKeyParser.TryParse(k, out var key) ? key : null).OfType<SecurityKey>()],
        };
        o.Events = new JwtBearerEvents { OnTokenValidated = context => JwtClaimsMapping.OnTokenValidated(context, identity) };
    }

    private static GatewayIdentityOptions? Options(AuthorizationHandlerContext context) =>
        (context.Resource as HttpContext)?.RequestServices.GetRequiredService<IOptions<GatewayIdentityOptions>>().Value;

    private static bool IsAuthenticated(AuthorizationHandlerContext context) =>
        context.User.Identity?.IsAuthenticated == true && context.User.HasClaim(c => c.Type == CallerClaims.Organization);

    private static bool AnonymousSingleImage(AuthorizationHandlerContext context) =>
        Options(context) is { AllowAnonymousSingleImage: true } identity
        && (!identity.AnonymousFromLoopbackOnly
            || (context.Resource is HttpContext http && http.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)));
}
