using System.Text.Json;

namespace MedPipeline.SampleBackend;

/// <summary>
/// One PUT as the backend received it: the request path (which tells the organization's callback base),
/// whether the series UID matched what this backend first saw for that series id, and the Idempotency-Key header
/// (a backend that keeps the keys it has seen can drop a repeated callback).
/// </summary>
public sealed record ReceivedCallback(string SeriesId, string Path, DateTimeOffset ReceivedAt, JsonElement Body, bool UidMatches, string? IdempotencyKey);
