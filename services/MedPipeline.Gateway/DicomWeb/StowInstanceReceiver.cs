using MedPipeline.Dicom;
using MedPipeline.Organizations;
using MedPipeline.Storage;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>
/// Takes one application/dicom part: streams it to the store (never whole in memory before its size is known to be
/// within limits), reads its header with our managed reader under its budgets, and files it under its series
/// (stored once per SOP Instance UID) or says why not.
/// </summary>
public sealed class StowInstanceReceiver(ISeriesStore store, PendingSeriesStore pending, TimeProvider clock)
{
    private static readonly DicomTag BodyPartExamined = new(0x0018, 0x0015);
    private static readonly DicomTag SeriesDescription = new(0x0008, 0x103E);

    public async Task<StowOutcome> ReceiveAsync(Stream part, string organization, string? expectedStudy, long maxBytes, CancellationToken cancellationToken)
    {
        var incoming = PendingSeriesStore.IncomingKey(organization);
        try
        {
            try
            {
                await store.WriteAsync(incoming, part, maxBytes, cancellationToken);
            }
            catch (StoreLimitExceededException)
            {
                return StowOutcome.Failed(StowFailure.OutOfResources);
            }

            DicomDataset header;
            try
            {
                await using var stored = store.OpenRead(incoming);
                header = await DicomFile.ReadAsync(stored, "part", DicomReadLimits.Default, cancellationToken);
            }
            catch (DicomReadException)
            {
                return StowOutcome.Failed(StowFailure.CannotUnderstand);
            }

            return await FileAsync(incoming, header, organization, expectedStudy, cancellationToken);
        }
        finally
        {
            store.DeletePrefix(incoming);
        }
    }

    private async Task<StowOutcome> FileAsync(string incoming, DicomDataset header, string organization, string? expectedStudy, CancellationToken cancellationToken)
    {
        var info = header.Image;
        var (sopClass, sop, study, series) = (info.SopClassUid, info.SopInstanceUid, info.StudyInstanceUid, info.SeriesInstanceUid);
        if (!IsUid(sopClass) || !IsUid(sop) || !IsUid(study) || !IsUid(series))
        {
            return StowOutcome.Failed(StowFailure.CannotUnderstand, sopClass, sop);
        }

        if (expectedStudy is not null && study != expectedStudy)
        {
            return StowOutcome.Failed(StowFailure.StudyMismatch, sopClass, sop);
        }

        await pending.Lock.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            var known = await pending.FindAsync(organization, series!, cancellationToken);
            // The series record is written before the instance: after a crash between the two, the series still closes.
            await pending.SaveAsync((known ?? new PendingSeries
            {
                Organization = organization, StudyInstanceUid = study!, SeriesInstanceUid = series!, FirstReceivedAt = now,
                Modality = info.Modality, BodyPart = header.GetString(BodyPartExamined), SeriesDescription = header.GetString(SeriesDescription),
            }) with { LastReceivedAt = now }, cancellationToken);
            var key = PendingSeriesStore.InstanceKey(organization, series!, sop!);
            if (!store.Exists(key))
            {
                await using var source = store.OpenRead(incoming);
                await store.WriteAsync(key, source, null, cancellationToken);
            }
        }
        finally
        {
            pending.Lock.Release();
        }

        return new StowOutcome(sopClass, sop, study, series, null);
    }

    private static bool IsUid(string? value) => value is not null && SeriesRequestFields.Uid(value) is null;
}
