namespace MedPipeline.Organizations;

/// <summary>
/// Where an organization's DICOM results (SR, heatmap images) go ("Organizations:{name}:DicomExport"): a DICOMweb
/// STOW-RS service. Configured means DICOM output is on for the organization; from configuration only, like the callback URL.
/// </summary>
public sealed class DicomExportOptions
{
    /// <summary>Names the destination on the series status (its URL is not shown there).</summary>
    public string Name { get; set; } = "pacs";

    /// <summary>The DICOMweb root, e.g. https://pacs.example-hospital.org/dicom-web/; instances are POSTed to {root}studies.</summary>
    public string StowUrl { get; set; } = "";

    /// <summary>The whole Authorization header value ("Bearer …", "Basic …"), from a secret store or environment; none when absent.</summary>
    public string? Authorization { get; set; }

    /// <summary>Allows plain http to a host that is not loopback (patient data in clear text): only over a link otherwise protected.</summary>
    public bool AllowPlainHttp { get; set; }
}
