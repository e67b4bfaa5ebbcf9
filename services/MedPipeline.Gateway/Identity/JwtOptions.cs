namespace MedPipeline.Gateway.Identity;

/// <summary>Bearer JWT validation ("Gateway:Identity:Jwt").</summary>
public sealed class JwtOptions
{
    /// <summary>OIDC authority: its discovery document gives the issuer and the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>Expected "iss"; defaults to the authority's.</summary>
    public string? Issuer { get; set; }

    /// <summary>Expected "aud"; required when JWTs are on.</summary>
    public string? Audience { get; set; }

    /// <summary>Signing keys without an authority: PEM public keys (RSA or EC) or base64 symmetric keys.</summary>
    public string[] SigningKeys { get; set; } = [];

    /// <summary>Discovery over http is allowed only for a loopback authority in development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || SigningKeys.Length > 0;
}
