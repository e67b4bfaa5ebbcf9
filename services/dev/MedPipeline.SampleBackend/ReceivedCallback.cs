using System.Text.Json;

namespace MedPipeline.SampleBackend;

/// <summary>One PUT as the backend received it.</summary>
public sealed record ReceivedCallback(string SeriesId, DateTimeOffset ReceivedAt, JsonElement Body);
