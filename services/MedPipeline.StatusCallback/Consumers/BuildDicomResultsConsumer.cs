using MassTransit;
using MedPipeline.Contracts;
using MedPipeline.Dicom;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.DicomOutput;
using MedPipeline.Storage;
using Microsoft.Extensions.Logging;

namespace MedPipeline.StatusCallback.Consumers;

/// <summary>
/// Makes a completed series' DICOM results, keeps them in the store beside the series and sends them to the
/// organization's STOW-RS destination; answers what was made and sent, or why nothing was. Source images that cannot
/// be read are a final answer (the series completes without an SR); a store that fails is retried, then faults.
/// </summary>
public sealed partial class BuildDicomResultsConsumer(DicomResultsMaker maker, StowClient stow, OrganizationDirectory organizations, ISeriesStore store,
    ILogger<BuildDicomResultsConsumer> logger) : IConsumer<BuildDicomResults>
{
    public async Task Consume(ConsumeContext<BuildDicomResults> context)
    {
        var m = context.Message;
        var results = await MakeAndSendAsync(m, context.CancellationToken);
        await context.Publish(new DicomResultsBuilt { CorrelationId = m.CorrelationId, AttemptId = m.AttemptId, Results = results });
    }

    private async Task<DicomResults> MakeAndSendAsync(BuildDicomResults m, CancellationToken cancellationToken)
    {
        if (organizations.DicomExportOf(m.Organization) is not { } destination)
        {
            return new DicomResults { Failure = $"organization '{m.Organization}' has no DICOM export configured" };
        }

        MadeResults made;
        try
        {
            made = await maker.MakeAsync(m, cancellationToken);
        }
        catch (DicomReadException e)
        {
            LogNotMade(m.CorrelationId, e.Reason.ToString());
            return new DicomResults { Failure = $"a source image could not be read ({e.Reason})" };
        }

        var folder = StoreLayout.DicomResults(m.CorrelationId, m.AttemptId);
        foreach (var item in made.All)
        {
            using var bytes = new MemoryStream(item.Bytes, writable: false);
            await store.WriteAsync(StoreKey.Combine(folder, $"{item.SopInstanceUid}.dcm"), bytes, maxBytes: null, cancellationToken);
        }

        var export = await stow.SendAsync(destination, [.. made.All], cancellationToken);
        LogExported(m.CorrelationId, made.Images.Count, export.Outcome, export.Attempts);
        return new DicomResults
        {
            StructuredReportUid = made.Report.SopInstanceUid,
            SecondaryCaptureUids = [.. made.Images.Select(i => i.SopInstanceUid)],
            SeriesInstanceUid = made.SeriesInstanceUid,
            Exports = [export],
            Failure = made.Failure,
        };
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "DICOM results of series {CorrelationId}: SR and {Images} image(s), export {Outcome} after {Attempts} attempt(s)")]
    private partial void LogExported(Guid correlationId, int images, string outcome, int attempts);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "DICOM results of series {CorrelationId} not made: a source image is unreadable ({Reason})")]
    private partial void LogNotMade(Guid correlationId, string reason);
}
