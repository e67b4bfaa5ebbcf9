namespace MedPipeline.Organizations;

/// <summary>
/// One API key of an organization ("Organizations:{name}:ApiKeys:{n}"): only the SHA-256 of the key
/// is configured, never the key. Several per organization let a key be rotated without downtime.
/// </summary>
public sealed class ApiKeyHash
{
    /// <summary>Names the key in audit logs (e.g. "ris-2026"); never the key itself.</summary>
    public string Id { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the UTF-8 key, e.g. from `printf %s "$KEY" | sha256sum`.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>Roles the key grants (submit, read, admin); absent means submit and read.</summary>
    public string[]? Roles { get; set; }
}
