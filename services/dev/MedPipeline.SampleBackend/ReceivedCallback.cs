using System.Text.Json;

namespace MedPipeline.SampleBackend;

/// <summary>
/// One PUT as the backend received it: the request path (which tells the organization's callback base),
/// and whether the series UID matched what this backend first saw for that series id.
/// </summary>
public sealed record ReceivedCallback(string SeriesId, string Path, DateTimeOffset ReceivedAt, JsonElement Body, bool UidMatches);
