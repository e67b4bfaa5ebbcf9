using System.Text.Json;
using System.Text.Json.Serialization;

namespace MedPipeline.Gateway.Live;

/// <summary>
/// One event of a series' live progress, as JSON: <c>progress</c> (stage, done of total), <c>result</c> (the status
/// answer) or <c>error</c> (why it failed, with the status answer when there is one).
/// </summary>
public sealed record SeriesLiveEvent
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Type { get; init; } = "";

    public string? Stage { get; init; }

    public int? Done { get; init; }

    public int? Total { get; init; }

    public string? Reason { get; init; }

    public object? Status { get; init; }

    /// <summary>A result or an error: nothing follows it.</summary>
    [JsonIgnore]
    public bool IsLast => Type is "result" or "error";

    public static SeriesLiveEvent Progress(LiveStage stage, int done, int total) =>
        new() { Type = "progress", Stage = stage.Word(), Done = done, Total = total };

    public static SeriesLiveEvent Result(object status) => new() { Type = "result", Status = status };

    public static SeriesLiveEvent Error(string reason, object? status = null) => new() { Type = "error", Reason = reason, Status = status };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
