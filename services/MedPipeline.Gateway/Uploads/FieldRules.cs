using System.Text.RegularExpressions;

namespace MedPipeline.Gateway.Uploads;

/// <summary>Syntax of the request fields; messages say what a valid value looks like.</summary>
internal static partial class FieldRules
{
    public static string? SeriesId(string value) =>
        SafeId().IsMatch(value) ? null : "must be 1-128 characters of letters, digits, '.', '_' or '-'";

    /// <summary>DICOM UID syntax (PS3.5 9.1): numeric components separated by dots, no leading zeros, at most 64 characters.</summary>
    public static string? Uid(string value) =>
        value.Length <= 64 && DicomUid().IsMatch(value) ? null : "must be a DICOM UID such as 1.2.840.113619.2.55.3 (digits and dots, at most 64 characters)";

    public static string? Name(string value) =>
        SafeId().IsMatch(value) ? null : "must be 1-128 characters of letters, digits, '.', '_' or '-'";

    public static bool? Boolean(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" or "" => false,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z0-9._-]{1,128}$")]
    private static partial Regex SafeId();

    [GeneratedRegex(@"^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$")]
    private static partial Regex DicomUid();
}
