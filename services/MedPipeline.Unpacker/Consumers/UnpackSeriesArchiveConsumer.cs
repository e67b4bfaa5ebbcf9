using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Dicom.Series;
using MedPipeline.Hosting.Telemetry;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Unpacker.Consumers;

/// <summary>
/// Unpacks a series ZIP safely into the store, checks that the instances are one image series of the
/// announced study and series, and answers what it found or exactly why it refuses the archive.
/// Redelivery-safe: the same archive always yields the same instance keys.
/// </summary>
public sealed partial class UnpackSeriesArchiveConsumer(ISeriesStore store, ArchiveLimits limits, ILogger<UnpackSeriesArchiveConsumer> logger)
    : IConsumer<UnpackSeriesArchive>
{
    public async Task Consume(ConsumeContext<UnpackSeriesArchive> context)
    {
        var m = context.Message;
        using var span = MedPipelineTelemetry.StartStage("unpack", m.CorrelationId, m.AttemptId);
        try
        {
            await UnpackAsync(context, m, span);
        }
        catch (Exception e) when (span.Threw(e))
        {
            throw;
        }
    }

    private async Task UnpackAsync(ConsumeContext<UnpackSeriesArchive> context, UnpackSeriesArchive m, StageSpan span)
    {
        var startedAt = DateTimeOffset.UtcNow;
        await context.Publish(new SeriesUnpackingStarted { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId });
        var prefix = StoreLayout.Instances(m.CorrelationId, m.AttemptId);
        IReadOnlyList<ExtractedInstance> instances;
        try
        {
            instances = await new SafeZipExtractor(store, limits).ExtractAsync(m.ArchiveKey, prefix, context.CancellationToken);
        }
        catch (ArchiveRejectedException e)
        {
            LogRejected(m.CorrelationId, e.Problem.ToString());
            span.Fail("rejected");
            await context.Publish(Rejection(m, Enum.Parse<RejectionKind>(e.Problem.ToString()), e.Message));
            return;
        }

        // Entries left in place are read from the upload; the index then names the upload and their offsets.
        var inPlace = instances.Where(i => i.Offset is not null).ToDictionary(i => i.Key);
        var series = await SeriesAssembler.AssembleAsync(instances.Select(i => (i.EntryName, i.Key)),
            key => inPlace.TryGetValue(key, out var i) ? store.OpenRead(m.ArchiveKey, i.Offset!.Value, i.Length) : store.OpenRead(key),
            cancellationToken: context.CancellationToken);
        if (Problem(series, m) is { } problem)
        {
            LogRejected(m.CorrelationId, problem.Kind.ToString());
            span.Fail("rejected");
            await context.Publish(Rejection(m, problem.Kind, problem.Reason));
            return;
        }

        // What was learned from every header travels on, so the Preprocessor reads pixel data without parsing again.
        var indexKey = StoreLayout.InstanceIndexOf(prefix);
        var index = InstanceIndex.Of(series);
        index = index with
        {
            Instances = [.. index.Instances.Select(i => inPlace.TryGetValue(i.Key, out var placed) ? i with { Key = m.ArchiveKey, Offset = placed.Offset, Crc32 = placed.Crc32 } : i)],
        };
        await StoredJson.WriteAsync(store, indexKey, index, context.CancellationToken);
        await context.Publish(new SeriesUnpacked
        {
            CorrelationId = m.CorrelationId,
            AttemptId = m.AttemptId,
            InstancesKey = prefix,
            Modality = series.Modalities.FirstOrDefault(),
            SopClassUids = series.SopClassUids,
            InstanceCount = instances.Count,
            ImageInstanceCount = series.Images.Count,
            TotalBytes = instances.Sum(i => i.Length),
            InstanceIndexKey = indexKey,
            StartedAt = startedAt,
        });
        MedPipelineTelemetry.CountInstances("unpack", instances.Count);
        LogUnpacked(m.CorrelationId, instances.Count, series.Images.Count);
    }

    private static (RejectionKind Kind, string Reason)? Problem(SeriesAssembly series, UnpackSeriesArchive m)
    {
        if (series.Unreadable.FirstOrDefault() is { } unreadable)
        {
            var kind = unreadable.Reason == Dicom.DicomFailureReason.Truncated ? RejectionKind.Truncated : RejectionKind.NotDicom;
            return (kind, $"{unreadable.Name} is unreadable ({unreadable.Reason}): {unreadable.Detail}");
        }

        if (series.Images.Count == 0)
        {
            return (RejectionKind.NoImageInstances, $"the archive holds no image instances ({series.NonImages.Count} non-image object(s))");
        }

        if (series.IsMixedSeries)
        {
            return (RejectionKind.MixedSeries, $"the archive holds {series.SeriesInstanceUids.Count} series: {string.Join(", ", series.SeriesInstanceUids)}");
        }

        var study = series.StudyInstanceUids.SingleOrDefault();
        var uid = series.SeriesInstanceUids.SingleOrDefault();
        if (study != m.StudyInstanceUid || uid != m.SeriesInstanceUid)
        {
            return (RejectionKind.UidMismatch,
                $"the instances belong to study {study ?? "(none)"} / series {uid ?? "(none)"}, not the announced study {m.StudyInstanceUid} / series {m.SeriesInstanceUid}");
        }

        return null;
    }

    private static SeriesArchiveRejected Rejection(UnpackSeriesArchive m, RejectionKind kind, string reason) =>
        new() { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Kind = kind, Reason = reason };

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Series {CorrelationId} unpacked: {Instances} instance(s), {Images} image(s)")]
    private partial void LogUnpacked(Guid correlationId, int instances, int images);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Series {CorrelationId} archive rejected: {Kind}")]
    private partial void LogRejected(Guid correlationId, string kind);
}
