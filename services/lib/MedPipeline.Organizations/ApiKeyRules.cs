namespace MedPipeline.Organizations;

/// <summary>What a configured API key entry must look like; each failure names its configuration key.</summary>
internal static class ApiKeyRules
{
    public static readonly string[] KnownRoles = ["submit", "read", "admin"];

    public static IEnumerable<string> Check(string organization, IReadOnlyList<ApiKeyHash> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            var at = $"Organizations:{organization}:ApiKeys:{i}";
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                yield return $"{at}:Id is required (it names the key in audit logs).";
            }
            else if (keys.Take(i).Any(k => k.Id == key.Id))
            {
                yield return $"{at}:Id '{key.Id}' is used twice.";
            }

            if (key.Sha256.Length != 64 || !key.Sha256.All(Uri.IsHexDigit))
            {
                yield return $"{at}:Sha256 must be the 64 hex digits of the key's SHA-256, not the key.";
            }

            foreach (var role in (key.Roles ?? []).Where(r => !KnownRoles.Contains(r)))
            {
                yield return $"{at}:Roles has '{role}'; known roles: {string.Join(", ", KnownRoles)}.";
            }
        }
    }

    /// <summary>A key hash configured under two organizations would log in as whichever is looked up last: refused.</summary>
    public static IEnumerable<string> CheckUnique(IReadOnlyDictionary<string, OrganizationOptions> organizations)
    {
        var owners = organizations
            .SelectMany(o => o.Value.ApiKeys.Select(k => (Hash: k.Sha256.ToLowerInvariant(), Organization: o.Key)))
            .GroupBy(k => k.Hash, StringComparer.Ordinal)
            .Select(g => g.Select(k => k.Organization).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList())
            .Where(names => names.Count > 1);
        foreach (var names in owners)
        {
            yield return $"Organizations: one API key hash is configured under {string.Join(" and ", names)}; each key belongs to one organization.";
        }
    }
}
