using System.Text.Json.Serialization;

namespace MedPipeline.Cli.Predict;

/// <summary>One frame of one file, or the file's error.</summary>
internal sealed record PredictRow(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("frame")] int? Frame,
    [property: JsonPropertyName("prediction")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prediction,
    [property: JsonPropertyName("confidence")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Confidence,
    [property: JsonPropertyName("reconstruction_mse")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ReconstructionMse,
    [property: JsonPropertyName("is_anomaly")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsAnomaly,
    [property: JsonPropertyName("inference_time_ms")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? InferenceTimeMs,
    [property: JsonPropertyName("error")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
