using System.Text.Json.Serialization;

namespace MedPipeline.ModelInput;

/// <summary>
/// Applied to windowed values in [0, 1]: "range" maps them linearly onto [<see cref="Min"/>, <see cref="Max"/>];
/// "meanstd" computes (x - mean[c]) / std[c] per channel.
/// </summary>
public sealed record NormalizationSpec
{
    public required NormalizationKind Kind { get; init; }

    public double Min { get; init; }

    public double Max { get; init; } = 1;

    public IReadOnlyList<double>? Mean { get; init; }

    public IReadOnlyList<double>? Std { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<NormalizationKind>))]
public enum NormalizationKind
{
    [JsonStringEnumMemberName("range")] Range,
    [JsonStringEnumMemberName("meanstd")] MeanStd,
}
