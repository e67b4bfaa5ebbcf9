using MedPipeline.Contracts;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>The callback body of a series outcome; its "result" is <see cref="SeriesResultJson"/>.</summary>
public static class CallbackResult
{
    public static CallbackBody Body(SendSeriesStatusCallback message) => new()
    {
        Status = message.Status,
        ModelType = message.ModelType,
        StudyInstanceUid = message.StudyInstanceUid,
        SeriesInstanceUid = message.SeriesInstanceUid,
        Result = SeriesResultJson.From(message.Prediction),
        Reason = message.Reason,
    };
}
