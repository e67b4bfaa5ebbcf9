using System.Text.Json;

namespace MedPipeline.Models.Manifest;

/// <summary>Parses model.json, turning JSON errors into messages with the line and position.</summary>
public static class ManifestReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static ModelManifest Read(string manifestPath)
    {
        try
        {
            using var stream = File.OpenRead(manifestPath);
            var manifest = JsonSerializer.Deserialize<ModelManifest>(stream, Options)
                ?? throw new ModelManifestException(manifestPath, "(root)", "is null");
            return manifest with { Directory = Path.GetDirectoryName(Path.GetFullPath(manifestPath))! };
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) ? "(json)" : e.Path.TrimStart('$', '.');
            throw new ModelManifestException(manifestPath, field,
                $"not valid manifest JSON at line {e.LineNumber + 1}, position {e.BytePositionInLine + 1}: {FirstSentence(e.Message)}");
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }
}
