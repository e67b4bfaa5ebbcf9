namespace MedPipeline.Gateway.Identity;

/// <summary>Who may call the gateway ("Gateway:Identity"): bearer JWTs, API keys, and what may be anonymous.</summary>
public sealed class GatewayIdentityOptions
{
    public const string Section = "Gateway:Identity";

    /// <summary>The claim that names the caller's organization (as configured under "Organizations").</summary>
    public string OrganizationClaim { get; set; } = "organization";

    /// <summary>The claim that carries the caller's roles (submit, read, admin).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>OAuth2/OIDC bearer tokens; off while neither Authority nor SigningKeys is set.</summary>
    public JwtOptions Jwt { get; set; } = new();

    /// <summary>Lets POST /inference, POST /predict, GET /api/models and the page answer without credentials.</summary>
    public bool AllowAnonymousSingleImage { get; set; }

    /// <summary>With <see cref="AllowAnonymousSingleImage"/>: only callers on a loopback address (the demo's setting).</summary>
    public bool AnonymousFromLoopbackOnly { get; set; } = true;

    /// <summary>Serves /openapi/v1.json without credentials.</summary>
    public bool PublicOpenApi { get; set; }
}
