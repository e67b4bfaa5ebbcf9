using System.Text.Json.Serialization;

namespace MedPipeline.Models.Manifest;

[JsonConverter(typeof(JsonStringEnumConverter<ModelTask>))]
public enum ModelTask
{
    [JsonStringEnumMemberName("classification")] Classification,
    [JsonStringEnumMemberName("anomaly")] Anomaly,
}
