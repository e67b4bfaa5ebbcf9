using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace MedPipeline.Gateway.Identity;

/// <summary>Turns a configured signing key (PEM RSA/EC public key, or base64 symmetric key) into a SecurityKey.</summary>
internal static class SigningKeyParser
{
    public static bool TryParse(string text, out SecurityKey key)
    {
        key = null!;
        text = text.Trim();
        try
        {
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                key = text.Contains("EC ", StringComparison.Ordinal) || IsEc(text) ? EcKey(text) : RsaKey(text);
                return true;
            }

            var bytes = Convert.FromBase64String(text);
            if (bytes.Length < 32)
            {
                return false;
            }

            key = new SymmetricSecurityKey(bytes);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or CryptographicException)
        {
            return false;
        }
    }

    private static bool IsEc(string pem)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return false;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return true;
        }
    }

    private static RsaSecurityKey RsaKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }

    private static ECDsaSecurityKey EcKey(string pem)
    {
        var ec = ECDsa.Create();
        ec.ImportFromPem(pem);
        return new ECDsaSecurityKey(ec);
    }
}
