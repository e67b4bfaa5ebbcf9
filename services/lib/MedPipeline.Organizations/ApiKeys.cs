using System.Security.Cryptography;
using System.Text;

namespace MedPipeline.Organizations;

/// <summary>Making API keys and the hashes that configuration holds instead of them.</summary>
public static class ApiKeys
{
    /// <summary>The hash to configure for a key (what `printf %s KEY | sha256sum` prints).</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new random key: 32 bytes, URL-safe base64, with a recognisable prefix.</summary>
    public static string NewKey() => "mpk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
