using MassTransit;
using MedPipeline.Contracts;

namespace MedPipeline.Orchestrator.Saga;

/// <summary>Recording an outcome on the state and telling every waiting backend series id about it.</summary>
internal static class SeriesOutcome
{
    /// <summary>The edge status word of a terminal state (PascalCase inside, <see cref="SeriesStatus"/> at the edge).</summary>
    public static string StatusOf(State state) => state.Name switch
    {
        "Completed" => SeriesStatus.Completed,
        "NotSupported" => SeriesStatus.NotSupported,
        "Failed" => SeriesStatus.Failed,
        _ => throw new ArgumentException($"{state.Name} is not a terminal state of a series.", nameof(state)),
    };

    public static void Finish(SeriesState saga, string status, string? reason, DateTimeOffset now)
    {
        saga.Status = status;
        saga.Reason = reason;
        saga.FinishedAt = now;
        saga.Stage = null;
        saga.DueAt = null;
    }

    /// <summary>
    /// The attempt's upload and everything written under series/{correlation}/{attempt} (instances, tensors); with
    /// <paramref name="keepHeatmaps"/> and heatmaps recorded, all but the heatmaps, which the status answer links until a
    /// new attempt or the store's retention removes them.
    /// </summary>
    public static DeleteSeriesData DeleteData(SeriesState saga, string? except, bool keepHeatmaps = false)
    {
        var attempt = $"series/{saga.CorrelationId:N}/{saga.AttemptId:N}";
        string[] series = keepHeatmaps && saga.Heatmaps.Count > 0 ? [$"{attempt}/instances", $"{attempt}/tensors", $"{attempt}/instance-index.json"] : [attempt];
        return new()
        {
            CorrelationId = saga.CorrelationId,
            AttemptId = saga.AttemptId,
            Keys = [.. series.Prepend(saga.ArchiveKey).Where(k => k.Length > 0 && k != except)],
        };
    }

    public static SendSeriesStatusCallback Callback(SeriesState saga, string seriesId) => new()
    {
        CorrelationId = saga.CorrelationId,
        AttemptId = saga.AttemptId,
        CallbackId = NewId.NextGuid(),
        Organization = saga.Organization,
        SeriesId = seriesId,
        ModelType = saga.ModelType,
        StudyInstanceUid = saga.StudyInstanceUid,
        SeriesInstanceUid = saga.SeriesInstanceUid,
        Status = saga.Status!,
        Reason = saga.Reason,
        Prediction = saga.Prediction,
    };
}
