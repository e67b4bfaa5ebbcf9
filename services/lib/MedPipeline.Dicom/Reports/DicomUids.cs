using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MedPipeline.Dicom.Reports;

/// <summary>New UIDs under an organization's root: the root, a dot, and a random Guid as one decimal number (as UUID-derived 2.25 UIDs are).</summary>
public static partial class DicomUids
{
    /// <summary>A Guid is at most 39 decimal digits: a root this long leaves every UID within DICOM's 64 characters.</summary>
    public const int MaxRootLength = 64 - 1 - 39;

    /// <summary>Dot-separated numbers without leading zeros (PS3.5 9.1), at most <see cref="MaxRootLength"/> characters.</summary>
    public static bool IsValidRoot(string? root) => root is { Length: > 0 and <= MaxRootLength } && RootPattern().IsMatch(root);

    public static string Under(string root)
    {
        if (!IsValidRoot(root))
        {
            throw new ArgumentException($"'{root}' is not a UID root of at most {MaxRootLength} characters.", nameof(root));
        }

        return Of(root, Guid.NewGuid().ToByteArray());
    }

    /// <summary>
    /// The same UID every time for the same names (SHA-256 of them, 16 bytes): a redelivered request makes objects with
    /// the UIDs it made before, so a PACS that already stored them keeps one copy.
    /// </summary>
    public static string Under(string root, params string[] names)
    {
        if (!IsValidRoot(root))
        {
            throw new ArgumentException($"'{root}' is not a UID root of at most {MaxRootLength} characters.", nameof(root));
        }

        return Of(root, SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', names)))[..16]);
    }

    private static string Of(string root, byte[] sixteenBytes) =>
        $"{root}.{new BigInteger(sixteenBytes, isUnsigned: true).ToString(CultureInfo.InvariantCulture)}";

    [GeneratedRegex(@"\A(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*\z")]
    private static partial Regex RootPattern();
}
