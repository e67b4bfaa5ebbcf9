using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// The JSON a backend receives: <c>{ "status": "completed" | "failed" | "not_supported", "modelType": ..., "result": {...} }</c>,
/// plus a human-readable <c>reason</c> when the status is not completed.
/// </summary>
public sealed record CallbackBody
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("modelType")]
    public required string ModelType { get; init; }

    [JsonPropertyName("studyInstanceUid")]
    public string? StudyInstanceUid { get; init; }

    [JsonPropertyName("seriesInstanceUid")]
    public string? SeriesInstanceUid { get; init; }

    [JsonPropertyName("result")]
    public JsonNode? Result { get; init; }

    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }
}
