using System.Text.Json.Serialization;

namespace MedPipeline.Cli.Predict;

/// <summary>The series-level answer by the model's aggregation rule, over every frame that was answered.</summary>
internal sealed record SeriesSummary(
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("prediction")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prediction,
    [property: JsonPropertyName("probability")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Probability,
    [property: JsonPropertyName("reconstruction_mse")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ReconstructionMse,
    [property: JsonPropertyName("is_anomaly")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsAnomaly,
    [property: JsonPropertyName("threshold")][property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Threshold);
