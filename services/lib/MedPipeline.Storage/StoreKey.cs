using System.Text.RegularExpressions;

namespace MedPipeline.Storage;

/// <summary>
/// A validated relative key such as <c>series/3f2a.../instances/0001.dcm</c>. Keys travel in messages
/// (claim checks), so they are checked on every use: no rooted paths, no "..", a safe alphabet.
/// </summary>
public static partial class StoreKey
{
    public static string Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > 512 || !SafeKey().IsMatch(key) || key.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"Invalid store key '{key}'.", nameof(key));
        }

        return key;
    }

    public static string Combine(params string[] segments) => Validate(string.Join('/', segments));

    [GeneratedRegex(@"\A[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*\z")]
    private static partial Regex SafeKey();
}
