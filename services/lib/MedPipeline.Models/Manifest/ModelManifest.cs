using System.Text.Json.Serialization;
using MedPipeline.ModelInput;

namespace MedPipeline.Models.Manifest;

/// <summary>A model's model.json (schema: models/MANIFEST.md).</summary>
public sealed record ModelManifest
{
    public string ModelType { get; init; } = "";

    public string Name { get; init; } = "";

    public string Version { get; init; } = "";

    public string File { get; init; } = "";

    public string Sha256 { get; init; } = "";

    public ModelTask? Task { get; init; }

    public TensorSpec? Input { get; init; }

    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    public PreprocessingSpec? Preprocessing { get; init; }

    /// <summary>Optional: how raw outputs become probabilities or MSE; absent means the graph outputs them.</summary>
    public PostprocessingSpec Postprocessing { get; init; } = new();

    public IReadOnlyList<string>? Labels { get; init; }

    public double? Threshold { get; init; }

    public string? ThresholdCalibration { get; init; }

    public AggregationSpec? Aggregation { get; init; }

    public SupportSpec? Supports { get; init; }

    public string? Golden { get; init; }

    /// <summary>The folder the manifest was read from (not part of the JSON).</summary>
    [JsonIgnore]
    public string Directory { get; init; } = "";

    [JsonIgnore]
    public string ModelPath => Path.Combine(Directory, File);
}
