using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Identity;

/// <summary>Refuses to start with JWT settings that would accept tokens meant for someone else.</summary>
internal sealed class GatewayIdentityValidation : IValidateOptions<GatewayIdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayIdentityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.OrganizationClaim))
        {
            failures.Add($"{GatewayIdentityOptions.Section}:OrganizationClaim must name a claim.");
        }

        var jwt = options.Jwt;
        if (jwt.Enabled && string.IsNullOrWhiteSpace(jwt.Audience))
        {
            failures.Add($"{GatewayIdentityOptions.Section}:Jwt:Audience is required when JWTs are accepted.");
        }

        if (jwt.SigningKeys.Length > 0 && string.IsNullOrWhiteSpace(jwt.Authority) && string.IsNullOrWhiteSpace(jwt.Issuer))
        {
            failures.Add($"{GatewayIdentityOptions.Section}:Jwt:Issuer is required with SigningKeys and no Authority.");
        }

        foreach (var (key, i) in jwt.SigningKeys.Select((k, i) => (k, i)))
        {
            if (!SigningKeyParser.TryParse(key, out _))
            {
                failures.Add($"{GatewayIdentityOptions.Section}:Jwt:SigningKeys:{i} is neither a PEM public key nor base64 of at least 32 bytes.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
