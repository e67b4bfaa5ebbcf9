using System.Security.Cryptography;
using System.Text;
using MedPipeline.Organizations;

namespace MedPipeline.Gateway.Identity;

/// <summary>
/// Finds the organization of a presented API key by its SHA-256. Every configured hash is compared,
/// each in constant time, so neither the match nor its position shows in the time taken.
/// </summary>
public sealed class ApiKeyVerifier(OrganizationDirectory? organizations = null)
{
    // A single-image-only gateway has no organizations, and so no keys.
    private readonly (string Organization, ApiKeyHash Key, byte[] Hash)[] _keys = organizations is null ? [] : [.. organizations.Names
        .SelectMany(name => organizations.TryGet(name, out var o) ? o.ApiKeys.Select(k => (name, k, Convert.FromHexString(k.Sha256))) : [])];

    public bool TryVerify(string presented, out string organization, out ApiKeyHash key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var found = -1;
        for (var i = 0; i < _keys.Length; i++)
        {
            // No early exit: the loop always walks every key.
            found = CryptographicOperations.FixedTimeEquals(hash, _keys[i].Hash) ? i : found;
        }

        (organization, key) = found >= 0 ? (_keys[found].Organization, _keys[found].Key) : ("", null!);
        return found >= 0;
    }
}
