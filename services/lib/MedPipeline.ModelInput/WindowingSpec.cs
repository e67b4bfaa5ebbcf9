using System.Text.Json.Serialization;

namespace MedPipeline.ModelInput;

/// <summary>
/// VOI windowing, applied after the modality LUT (rescale), mapping values to [0, 1]:
/// <list type="bullet">
/// <item>"dicom": the file's own Window Center/Width; min-max when the file has none.</item>
/// <item>"fixed": <see cref="Center"/>/<see cref="Width"/> from the manifest (e.g. a Hounsfield window).</item>
/// <item>"minmax": the frame's own minimum and maximum.</item>
/// </list>
/// For PNG/JPEG input (no modality LUT, no file window) "dicom" and "fixed" use the full range of
/// the sample depth (0..255 or 0..65535); "minmax" is applied as for DICOM.
/// </summary>
public sealed record WindowingSpec
{
    public required WindowingRule Rule { get; init; }

    public double? Center { get; init; }

    public double? Width { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<WindowingRule>))]
public enum WindowingRule
{
    [JsonStringEnumMemberName("dicom")] Dicom,
    [JsonStringEnumMemberName("fixed")] Fixed,
    [JsonStringEnumMemberName("minmax")] MinMax,
}
