using MedPipeline.Gateway.Series;

namespace MedPipeline.Gateway.Admin;

/// <summary>
/// The operations JSON of a series: a list item (state, age, where it is) and the timeline (every stage reached,
/// with its time and how long it took after the one before, callback delivery per backend series id, reason).
/// UIDs appear, as in the status answer: the caller is an admin of that organization or an operator.
/// </summary>
public static class AdminSeriesResponse
{
    public static object Item(SeriesStatusRow row) => new
    {
        correlationId = row.CorrelationId,
        organization = row.Organization,
        modelType = row.ModelType,
        studyInstanceUid = row.StudyInstanceUid,
        seriesInstanceUid = row.SeriesInstanceUid,
        state = row.State,
        status = row.Status ?? "running",
        stage = row.Status is null ? row.Stage : null,
        attempt = row.Attempt,
        reason = row.Reason,
        receivedAt = row.ReceivedAt,
        updatedAt = row.UpdatedAt,
    };

    public static object Timeline(SeriesStatusRow row) => new
    {
        correlationId = row.CorrelationId,
        organization = row.Organization,
        modelType = row.ModelType,
        studyInstanceUid = row.StudyInstanceUid,
        seriesInstanceUid = row.SeriesInstanceUid,
        state = row.State,
        status = row.Status ?? "running",
        stage = row.Status is null ? row.Stage : null,
        attempt = row.Attempt,
        reason = row.Reason,
        found = row.InstanceCount is null
            ? null
            : new { modality = row.Modality, instanceCount = row.InstanceCount, imageInstanceCount = row.ImageInstanceCount, totalBytes = row.TotalBytes },
        timeline = Stages(row),
        callbacks = row.CallbackOutcomes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new { seriesId = c.Key, outcome = c.Value }),
        dicomResults = row.DicomResults,
        updatedAt = row.UpdatedAt,
    };

    private static List<object> Stages(SeriesStatusRow row)
    {
        (string Name, DateTimeOffset? At)[] reached =
        [
            ("received", row.ReceivedAt), ("unpacking-started", row.UnpackingStartedAt), ("unpacked", row.UnpackedAt),
            ("preprocessed", row.PreprocessedAt), ("inferred", row.InferredAt), ("dicom-results", row.DicomResultsAt),
            ("finished", row.FinishedAt),
        ];
        var stages = new List<object>();
        DateTimeOffset? previous = null;
        foreach (var (name, at) in reached.Where(s => s.At is not null))
        {
            stages.Add(new { stage = name, at, afterPreviousMs = previous is null ? (double?)null : (at!.Value - previous.Value).TotalMilliseconds });
            previous = at;
        }

        return stages;
    }
}
