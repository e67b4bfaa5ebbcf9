using System.Text.Json.Serialization;

namespace MedPipeline.Models.Manifest;

/// <summary>Where a classifier's class probabilities come from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ProbabilitiesSource>))]
public enum ProbabilitiesSource
{
    /// <summary>outputs.probabilities holds probabilities (softmax inside the graph).</summary>
    [JsonStringEnumMemberName("fromOutput")] FromOutput,

    /// <summary>outputs.probabilities holds logits; we apply softmax per row.</summary>
    [JsonStringEnumMemberName("softmax")] Softmax,
}
