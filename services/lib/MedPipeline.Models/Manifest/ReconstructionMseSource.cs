using System.Text.Json.Serialization;

namespace MedPipeline.Models.Manifest;

/// <summary>Where an anomaly model's per-image reconstruction MSE comes from.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReconstructionMseSource>))]
public enum ReconstructionMseSource
{
    /// <summary>outputs.reconstructionMse names a [batch] output the graph computes.</summary>
    [JsonStringEnumMemberName("fromOutput")] FromOutput,

    /// <summary>We compute the mean squared difference between each input row and outputs.reconstruction.</summary>
    [JsonStringEnumMemberName("fromReconstruction")] FromReconstruction,
}
