using System.Text.Json.Serialization;

namespace MedPipeline.Gateway.SingleImage;

/// <summary>Per-step server-side milliseconds.</summary>
public sealed record TimingsResponse(
    [property: JsonPropertyName("decode_ms")] double DecodeMs,
    [property: JsonPropertyName("preprocess_ms")] double PreprocessMs,
    [property: JsonPropertyName("inference_ms")] double InferenceMs);

/// <summary>One frame of a classifier answer.</summary>
public sealed record ClassificationFrame(
    [property: JsonPropertyName("frame")] int Frame,
    [property: JsonPropertyName("prediction")] string Prediction,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("probabilities")] IReadOnlyDictionary<string, double> Probabilities);

/// <summary>POST /inference: the first (or only) frame at the top level, every frame in <c>frames</c>.</summary>
public sealed record ClassificationResponse(
    [property: JsonPropertyName("prediction")] string Prediction,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("probabilities")] IReadOnlyDictionary<string, double> Probabilities,
    [property: JsonPropertyName("modelType")] string ModelType,
    [property: JsonPropertyName("modelVersion")] string ModelVersion,
    [property: JsonPropertyName("inference_time_ms")] double InferenceTimeMs,
    [property: JsonPropertyName("timings")] TimingsResponse Timings,
    [property: JsonPropertyName("frames")] IReadOnlyList<ClassificationFrame> Frames,
    [property: JsonPropertyName("preprocessing")] ModelInput.PreprocessingSummary Preprocessing,
    [property: JsonPropertyName("preview")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Preview,
    [property: JsonPropertyName("heatmap")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HeatmapResponse? Heatmap);

/// <summary>One frame of an anomaly answer.</summary>
public sealed record AnomalyFrame(
    [property: JsonPropertyName("frame")] int Frame,
    [property: JsonPropertyName("reconstruction_mse")] double ReconstructionMse,
    [property: JsonPropertyName("is_anomaly")] bool IsAnomaly);

/// <summary>POST /predict: the field names of the usual Python autoencoder services, plus provenance and per-frame values.</summary>
public sealed record AnomalyResponse(
    [property: JsonPropertyName("reconstruction_mse")] double ReconstructionMse,
    [property: JsonPropertyName("is_anomaly")] bool IsAnomaly,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("inference_time_ms")] double InferenceTimeMs,
    [property: JsonPropertyName("timings")] TimingsResponse Timings,
    [property: JsonPropertyName("modelType")] string ModelType,
    [property: JsonPropertyName("modelVersion")] string ModelVersion,
    [property: JsonPropertyName("frames")] IReadOnlyList<AnomalyFrame> Frames,
    [property: JsonPropertyName("preprocessing")] ModelInput.PreprocessingSummary Preprocessing,
    [property: JsonPropertyName("preview")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Preview,
    [property: JsonPropertyName("heatmap")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HeatmapResponse? Heatmap);
