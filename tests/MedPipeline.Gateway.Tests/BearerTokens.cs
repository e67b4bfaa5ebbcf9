using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace MedPipeline.Gateway.Tests;

/// <summary>Signs test JWTs as an identity provider would, with a symmetric key the gateway is configured with.</summary>
internal sealed class BearerTokens
{
    public const string Issuer = "https://idp.hospital.test/";
    public const string Audience = "medpipeline";

    public byte[] Key { get; } = RandomNumberGenerator.GetBytes(32);

    public (string Key, string Value)[] GatewaySettings() =>
    [
        ("Gateway:Identity:Jwt:Issuer", Issuer),
        ("Gateway:Identity:Jwt:Audience", Audience),
        ("Gateway:Identity:Jwt:SigningKeys:0", Convert.ToBase64String(Key)),
    ];

    public string Create(string? organization = "st-olaf", string audience = Audience, DateTime? expires = null, byte[]? signWith = null,
        params string[] roles)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "ris-integration", ["roles"] = roles.Length > 0 ? roles : new[] { "submit", "read" } };
        if (organization is not null)
        {
            claims["organization"] = organization;
        }

        var expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = expiry.AddMinutes(-10),
            NotBefore = expiry.AddMinutes(-10),
            Expires = expiry,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(signWith ?? Key), SecurityAlgorithms.HmacSha256),
        });
    }
}
