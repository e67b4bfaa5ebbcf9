using Microsoft.Extensions.Options;

namespace MedPipeline.Organizations;

/// <summary>The configured organizations, looked up by name (case-sensitive, as configured).</summary>
public sealed class OrganizationDirectory(IOptions<Dictionary<string, OrganizationOptions>> options)
{
    private readonly Dictionary<string, OrganizationOptions> _organizations = options.Value;

    public IReadOnlyCollection<string> Names => _organizations.Keys;

    public bool TryGet(string name, out OrganizationOptions organization) =>
        _organizations.TryGetValue(name, out organization!);

    /// <summary>The organization's DICOMweb destination for DICOM results; null when it has none (no DICOM output).</summary>
    public DicomExportOptions? DicomExportOf(string organization) =>
        TryGet(organization, out var options) && options.DicomExport is { StowUrl.Length: > 0 } export ? export : null;

    /// <summary>The callback URL for one series: the configured base plus the escaped backend series id.</summary>
    public Uri CallbackUriFor(string organization, string seriesId)
    {
        if (!TryGet(organization, out var options))
        {
            throw new KeyNotFoundException($"Organization '{organization}' is not configured.");
        }

        var baseUri = new Uri(options.CallbackBaseUrl.EndsWith('/') ? options.CallbackBaseUrl : options.CallbackBaseUrl + "/");
        return new Uri(baseUri, $"api/studies/series/{Uri.EscapeDataString(seriesId)}/status");
    }
}
