using System.Text.Json.Serialization;
using MedPipeline.ModelRunner.Heatmaps;

namespace MedPipeline.Gateway.SingleImage;

/// <summary>The deciding frame's heatmap (heatmap=true): a PNG at the source image's size, base64 in <c>data</c>.</summary>
public sealed record HeatmapResponse(
    [property: JsonPropertyName("mediaType")] string MediaType,
    [property: JsonPropertyName("frame")] int Frame,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("heatmap_ms")] double HeatmapMs,
    [property: JsonPropertyName("data")] string Data)
{
    public static HeatmapResponse? Of(FrameHeatmap? heatmap) => heatmap is null
        ? null
        : new HeatmapResponse("image/png", heatmap.Frame, heatmap.Heatmap.Width, heatmap.Heatmap.Height, Math.Round(heatmap.Milliseconds, 3),
            Convert.ToBase64String(heatmap.Heatmap.Png));
}
