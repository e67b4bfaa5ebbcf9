using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace MedPipeline.ModelInput;

/// <summary>
/// The "preprocessing" object of a model manifest (models/*/model.json): how decoded pixels become
/// the model's float32 input. Serialized with camelCase names and enum values as written below.
/// </summary>
public sealed record PreprocessingSpec
{
    [Range(1, 4096)]
    public required int TargetWidth { get; init; }

    [Range(1, 4096)]
    public required int TargetHeight { get; init; }

    /// <summary>"area" (box average; bilinear when upscaling) or "bilinear".</summary>
    public ResizeMethod Resize { get; init; } = ResizeMethod.Area;

    [Required]
    public required WindowingSpec Windowing { get; init; }

    /// <summary>What the model takes: "gray" (1 channel; RGB becomes luminance) or "rgb" (3; gray is replicated).</summary>
    public ChannelHandling Channels { get; init; } = ChannelHandling.Gray;

    /// <summary>Whether MONOCHROME1 images are inverted so that high values are bright (true for every shipped model).</summary>
    public bool InvertMonochrome1 { get; init; } = true;

    [Required]
    public required NormalizationSpec Normalization { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ResizeMethod>))]
public enum ResizeMethod
{
    [JsonStringEnumMemberName("area")] Area,
    [JsonStringEnumMemberName("bilinear")] Bilinear,
}

[JsonConverter(typeof(JsonStringEnumConverter<ChannelHandling>))]
public enum ChannelHandling
{
    [JsonStringEnumMemberName("gray")] Gray,
    [JsonStringEnumMemberName("rgb")] Rgb,
}
