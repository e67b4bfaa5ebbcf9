using MedPipeline.Gateway.Series;

namespace MedPipeline.Gateway.Similar;

/// <summary>The JSON of a similar-case answer: the asked series and, nearest first, the earlier ones with their outcome.</summary>
public static class SimilarCaseResponse
{
    public static object From(SeriesStatusRow asked, int k, IReadOnlyList<SimilarCase> similar) => new
    {
        seriesInstanceUid = asked.SeriesInstanceUid,
        studyInstanceUid = asked.StudyInstanceUid,
        modelType = asked.ModelType,
        k,
        items = similar.Select(s => new
        {
            seriesInstanceUid = s.Row.SeriesInstanceUid,
            studyInstanceUid = s.Row.StudyInstanceUid,
            correlationId = s.Row.CorrelationId,
            distance = Math.Round(s.Distance, 6),
            status = s.Row.Status,
            predictedClass = s.Row.Prediction?.PredictedClass,
            probability = s.Row.Prediction?.Probability,
            reconstructionMse = s.Row.Prediction?.ReconstructionMse,
            isAnomaly = s.Row.Prediction?.IsAnomaly,
            finishedAt = s.Row.FinishedAt,
            statusUrl = SeriesStatusResponse.UrlFor(s.Row.Organization, s.Row.StudyInstanceUid, s.Row.SeriesInstanceUid, s.Row.ModelType),
        }),
    };
}
