using MedPipeline.Contracts;
using MedPipeline.Gateway.Series;

namespace MedPipeline.Gateway.Live;

/// <summary>What a live stream says about a series from its status row: where it is while it runs, and its outcome once it ended.</summary>
public static class SeriesLiveState
{
    /// <summary>Where a running series is: its read-model stage, or further when this gateway heard of more.</summary>
    public static SeriesProgressNotice CurrentOf(SeriesStatusRow row, SeriesProgressNotice? latest)
    {
        var stage = LiveStageWords.FromSagaStage(row.Stage) ?? LiveStage.Unpacking;
        var total = row.ImageInstanceCount ?? 0;
        var fromRow = stage == LiveStage.Unpacking && row.UnpackedAt is not null
            ? new SeriesProgressNotice(stage, total, total)
            : new SeriesProgressNotice(stage, 0, stage == LiveStage.Unpacking ? 0 : total);
        return latest is { Finished: false } && latest.IsAfter(fromRow) ? latest : fromRow;
    }

    /// <summary>The result or error of a finished series; null while it runs.</summary>
    public static SeriesLiveEvent? Outcome(SeriesStatusRow row)
    {
        if (row.Status is null)
        {
            return null;
        }

        var status = SeriesStatusResponse.From(row, SeriesStatusResponse.UrlFor(row.Organization, row.StudyInstanceUid, row.SeriesInstanceUid, row.ModelType));
        return row.Status == SeriesStatus.Failed ? SeriesLiveEvent.Error(row.Reason ?? "the series failed", status) : SeriesLiveEvent.Result(status);
    }
}
