using MedPipeline.Contracts;

namespace MedPipeline.Gateway.Series;

/// <summary>The JSON of a series' status: state, stage timestamps, outcome and result (snake_case, as in the callback).</summary>
public static class SeriesStatusResponse
{
    public static object From(SeriesStatusRow row, string statusUrl) => new
    {
        correlationId = row.CorrelationId,
        organization = row.Organization,
        studyInstanceUid = row.StudyInstanceUid,
        seriesInstanceUid = row.SeriesInstanceUid,
        modelType = row.ModelType,
        state = row.State,
        status = row.Status ?? "running",
        // Stages are PascalCase names inside; the edge has always shown them lower-case ("inference").
        stage = row.Status is null ? row.Stage?.ToLowerInvariant() : null,
        reason = row.Reason,
        attempt = row.Attempt,
        found = row.InstanceCount is null
            ? null
            : new { modality = row.Modality, instanceCount = row.InstanceCount, imageInstanceCount = row.ImageInstanceCount, totalBytes = row.TotalBytes },
        timestamps = new
        {
            receivedAt = row.ReceivedAt,
            unpackingStartedAt = row.UnpackingStartedAt,
            unpackedAt = row.UnpackedAt,
            preprocessedAt = row.PreprocessedAt,
            inferredAt = row.InferredAt,
            finishedAt = row.FinishedAt,
        },
        result = SeriesResultJson.From(row.Prediction),
        callbacks = row.CallbackOutcomes,
        statusUrl,
    };

    public static string UrlFor(string organization, string studyInstanceUid, string seriesInstanceUid, string modelType) =>
        $"/api/studies/series/{Uri.EscapeDataString(seriesInstanceUid)}/status?organization={Uri.EscapeDataString(organization)}"
        + $"&modelType={Uri.EscapeDataString(modelType)}&studyInstanceUid={Uri.EscapeDataString(studyInstanceUid)}";
}
