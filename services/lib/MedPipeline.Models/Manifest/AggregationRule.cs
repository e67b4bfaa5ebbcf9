using System.Text.Json.Serialization;

namespace MedPipeline.Models.Manifest;

/// <summary>How per-instance results become the series result (models/MANIFEST.md).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AggregationRule>))]
public enum AggregationRule
{
    [JsonStringEnumMemberName("mean")] Mean,
    [JsonStringEnumMemberName("max-positive")] MaxPositive,
    [JsonStringEnumMemberName("max-mse")] MaxMse,
    [JsonStringEnumMemberName("mean-mse")] MeanMse,
}
