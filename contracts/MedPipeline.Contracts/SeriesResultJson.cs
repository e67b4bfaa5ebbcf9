using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MedPipeline.Contracts;

/// <summary>
/// The "result" object backends read, from a <see cref="SeriesPrediction"/>: snake_case, nulls left out.
/// One definition, so the callback body and the gateway's status answer cannot drift apart.
/// </summary>
public static class SeriesResultJson
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode? From(SeriesPrediction? prediction) =>
        prediction is null ? null : JsonSerializer.SerializeToNode(prediction, SnakeCase);
}
