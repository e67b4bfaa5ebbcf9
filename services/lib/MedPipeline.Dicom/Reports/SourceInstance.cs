using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Reports;

/// <summary>
/// A source image of the series: what the results refer to, and the patient and study attributes they copy. By design
/// the only place patient data is copied (as stored, in the source's character set); it is never logged.
/// </summary>
public sealed class SourceInstance(DicomDataset dataset)
{
    // Patient and General Study modules: type 2 attributes are written empty when the source lacks them.
    private static readonly (DicomTag Tag, string Vr)[] Copied =
    [
        (SrTags.SpecificCharacterSet, "CS"), (SrTags.PatientName, "PN"), (SrTags.PatientId, "LO"), (SrTags.PatientBirthDate, "DA"),
        (SrTags.PatientSex, "CS"), (SrTags.StudyDate, "DA"), (SrTags.StudyTime, "TM"), (SrTags.ReferringPhysicianName, "PN"),
        (SrTags.StudyId, "SH"), (SrTags.AccessionNumber, "SH"),
    ];

    public string SopClassUid { get; } = dataset.GetString(DicomTag.SopClassUid) ?? throw Missing(dataset, "SOP Class UID");

    public string SopInstanceUid { get; } = dataset.GetString(DicomTag.SopInstanceUid) ?? throw Missing(dataset, "SOP Instance UID");

    public string StudyInstanceUid { get; } = dataset.GetString(DicomTag.StudyInstanceUid) ?? throw Missing(dataset, "Study Instance UID");

    public string SeriesInstanceUid { get; } = dataset.GetString(DicomTag.SeriesInstanceUid) ?? throw Missing(dataset, "Series Instance UID");

    /// <summary>Writes the patient and study modules of the source onto <paramref name="writer"/>.</summary>
    public DicomWriter CopyPatientAndStudy(DicomWriter writer)
    {
        foreach (var (tag, vr) in Copied)
        {
            var value = dataset.GetRaw(tag)?.ToArray() ?? [];
            if (tag == SrTags.SpecificCharacterSet && value.Length == 0)
            {
                continue;
            }

            writer.Bytes(tag, vr, value.Length % 2 == 1 ? [.. value, (byte)' '] : value);
        }

        return writer.Text(DicomTag.StudyInstanceUid, "UI", StudyInstanceUid);
    }

    /// <summary>A Referenced SOP item naming this instance.</summary>
    public DicomWriter Reference() => new DicomWriter()
        .Text(SrTags.ReferencedSopClassUid, "UI", SopClassUid)
        .Text(SrTags.ReferencedSopInstanceUid, "UI", SopInstanceUid);

    private static DicomReadException Missing(DicomDataset source, string what) =>
        new(source.Source, DicomFailureReason.Inconsistent, $"the source instance has no {what}");
}
