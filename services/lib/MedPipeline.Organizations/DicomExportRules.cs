namespace MedPipeline.Organizations;

/// <summary>What a configured DICOM export must look like; each failure names its configuration key.</summary>
internal static class DicomExportRules
{
    public static IEnumerable<string> Check(string organization, DicomExportOptions? export)
    {
        // An empty URL is no export (what an unset environment variable of a compose file gives).
        if (export is null || (export.StowUrl.Length == 0 && string.IsNullOrEmpty(export.Authorization)))
        {
            yield break;
        }

        var at = $"Organizations:{organization}:DicomExport";
        if (!Uri.TryCreate(export.StowUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return $"{at}:StowUrl must be the absolute http(s) URL of a DICOMweb root, not '{export.StowUrl}'.";
        }
        else if (uri.Scheme == "http" && !uri.IsLoopback && !export.AllowPlainHttp)
        {
            yield return $"{at}:StowUrl must be https (patient data and the Authorization header would cross the network in clear text); "
                + $"plain http is allowed for a loopback PACS, or with {at}:AllowPlainHttp=true.";
        }

        if (export.Authorization is { } header && header.Any(char.IsControl))
        {
            yield return $"{at}:Authorization must be a whole header value (e.g. \"Bearer …\") without control characters.";
        }
    }
}
