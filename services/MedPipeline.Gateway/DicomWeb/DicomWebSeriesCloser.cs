using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Storage;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// Closes a pending STOW-RS series: routes it, writes its instances as one upload ZIP and publishes the same
/// <see cref="PredictSeries"/> a ZIP upload does (so the Unpacker and the saga are unchanged), then forgets it.
/// A series no route takes is answered not_supported to the organization's callback at once.
/// The store is cleared only after the broker took the message: a crash before that closes the series again.
/// </summary>
public sealed partial class DicomWebSeriesCloser(PendingSeriesStore pending, ISeriesStore store, DicomWebSeriesRouter router, IBus publish,
    TimeProvider clock, ILogger<DicomWebSeriesCloser> logger)
{
    /// <summary>Closes <paramref name="series"/> if it is still pending; the caller holds <see cref="PendingSeriesStore.Lock"/>.</summary>
    public async Task<Guid?> CloseAsync(PendingSeries series, CancellationToken cancellationToken)
    {
        var instances = pending.InstancesOf(series).Count;
        var seriesId = series.SeriesInstanceUid;
        if (router.ModelFor(series) is not { } modelType)
        {
            var reason = DicomWebSeriesRouter.NoRouteReason(series);
            var unrouted = SeriesCorrelation.For(series.Organization, series.StudyInstanceUid, series.SeriesInstanceUid, "unrouted");
            await publish.Publish(new SendSeriesStatusCallback
            {
                CorrelationId = unrouted, AttemptId = NewId.NextGuid(), CallbackId = NewId.NextGuid(), Organization = series.Organization,
                SeriesId = seriesId, StudyInstanceUid = series.StudyInstanceUid, SeriesInstanceUid = series.SeriesInstanceUid,
                Status = SeriesStatus.NotSupported, Reason = reason,
            }, cancellationToken);
            pending.Delete(series);
            LogUnrouted(logger, unrouted, instances);
            return null;
        }

        var requestId = NewId.NextGuid();
        var archiveKey = StoreLayout.Archive(series.Organization, requestId);
        var bytes = await pending.WriteArchiveAsync(series, archiveKey, cancellationToken);
        var correlationId = SeriesCorrelation.For(series.Organization, series.StudyInstanceUid, series.SeriesInstanceUid, modelType);
        try
        {
            await publish.Publish(new PredictSeries
            {
                CorrelationId = correlationId, RequestId = requestId, SeriesId = seriesId, Organization = series.Organization,
                StudyInstanceUid = series.StudyInstanceUid, SeriesInstanceUid = series.SeriesInstanceUid, ModelType = modelType,
                ArchiveKey = archiveKey, SubmittedAt = clock.GetUtcNow(),
            }, cancellationToken);
        }
        catch
        {
            // Not queued: the series stays pending (the next close writes a fresh archive), so this one must not linger.
            store.DeletePrefix(archiveKey);
            throw;
        }

        pending.Delete(series);
        LogSubmitted(logger, correlationId, modelType, instances, bytes);
        return correlationId;
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "DICOMweb series {CorrelationId} closed and submitted: model {ModelType}, {Instances} instance(s), {Bytes} bytes")]
    private static partial void LogSubmitted(ILogger logger, Guid correlationId, string modelType, int instances, long bytes);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "DICOMweb series {CorrelationId} closed without a routing rule ({Instances} instance(s)): answered not_supported")]
    private static partial void LogUnrouted(ILogger logger, Guid correlationId, int instances);
}
