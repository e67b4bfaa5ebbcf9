using System.Text.Json;
using System.Text.Json.Nodes;
using MedPipeline.Contracts;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>The callback's "result" object from a series prediction, in the snake_case the backends read.</summary>
public static class CallbackResult
{
    private static readonly JsonSerializerOptions SnakeCase = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonNode? From(SeriesPrediction? prediction) =>
        prediction is null ? null : JsonSerializer.SerializeToNode(prediction, SnakeCase);

    public static CallbackBody Body(SendSeriesStatusCallback message) => new()
    {
        Status = message.Status,
        ModelType = message.ModelType,
        StudyInstanceUid = message.StudyInstanceUid,
        SeriesInstanceUid = message.SeriesInstanceUid,
        Result = From(message.Prediction),
        Reason = message.Reason,
    };
}
