namespace MedPipeline.Organizations;

/// <summary>
/// One hospital organization, from configuration only ("Organizations:{name}:..."): where its
/// backend receives status callbacks and how we authenticate there. Never taken from a request,
/// so a caller cannot make us call an address of its choosing.
/// </summary>
public sealed class OrganizationOptions
{
    /// <summary>Absolute http(s) base URL of the backend, e.g. https://pacs-ai.example-hospital.org/.</summary>
    public string CallbackBaseUrl { get; set; } = "";

    /// <summary>Bearer token sent with every callback; from a secret store or environment, never committed.</summary>
    public string? CallbackBearerToken { get; set; }

    /// <summary>
    /// Allows a plain-http callback base to a host that is not loopback (bearer token and results in clear
    /// text on the network): only for a backend reached over a link that is otherwise protected.
    /// </summary>
    public bool AllowPlainHttpCallback { get; set; }

    /// <summary>The DICOMweb destination of the organization's DICOM results; null: no DICOM output.</summary>
    public DicomExportOptions? DicomExport { get; set; }

    /// <summary>Hashes of the keys this organization's systems send as X-API-Key.</summary>
    public List<ApiKeyHash> ApiKeys { get; set; } = [];
}
