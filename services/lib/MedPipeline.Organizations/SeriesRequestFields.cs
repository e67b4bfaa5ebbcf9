using System.Text.RegularExpressions;

namespace MedPipeline.Organizations;

/// <summary>
/// The syntax of what a hospital names in a series request, wherever it arrives (the gateway's form, DICOMweb, a
/// direct-enqueue command the orchestrator checks): each rule returns what a valid value looks like, or null when the
/// value is valid. Anchored with \A and \z: .NET's $ would also match before a final line feed.
/// </summary>
public static partial class SeriesRequestFields
{
    /// <summary>The backend's own series id: it becomes a path segment of the callback URL, so "." and ".." are refused.</summary>
    public static string? SeriesId(string value) =>
        SafeId().IsMatch(value) && value is not ("." or "..")
            ? null
            : "must be 1-128 characters of letters, digits, '.', '_' or '-', and not '.' or '..'";

    /// <summary>DICOM UID syntax (PS3.5 9.1): numeric components separated by dots, no leading zeros, at most 64 characters.</summary>
    public static string? Uid(string value) =>
        value.Length <= 64 && DicomUid().IsMatch(value) ? null : "must be a DICOM UID such as 1.2.840.113619.2.55.3 (digits and dots, at most 64 characters)";

    /// <summary>An organization or model type name: it becomes part of store keys and broker names.</summary>
    public static string? Name(string value) =>
        SafeId().IsMatch(value) && value is not ("." or "..")
            ? null
            : "must be 1-128 characters of letters, digits, '.', '_' or '-', and not '.' or '..'";

    [GeneratedRegex(@"\A[A-Za-z0-9._-]{1,128}\z")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"\A(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+\z")]
    private static partial Regex DicomUid();
}
