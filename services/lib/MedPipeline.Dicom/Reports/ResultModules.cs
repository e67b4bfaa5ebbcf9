using System.Globalization;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Reports;

/// <summary>The modules the SR and the secondary captures share: SOP common, patient, study, series and equipment.</summary>
internal static class ResultModules
{
    public static DicomWriter Common(DicomWriter writer, SourceInstance source, ResultSeries series, string sopClassUid, string sopInstanceUid,
        string modality, int instanceNumber)
    {
        var date = StructuredReportBuilder.Date(series.CreatedAt);
        var time = StructuredReportBuilder.Time(series.CreatedAt);
        return source.CopyPatientAndStudy(writer)
            .Text(DicomTag.SopClassUid, "UI", sopClassUid)
            .Text(DicomTag.SopInstanceUid, "UI", sopInstanceUid)
            .Text(SrTags.InstanceCreationDate, "DA", date)
            .Text(SrTags.InstanceCreationTime, "TM", time)
            .Text(SrTags.ContentDate, "DA", date)
            .Text(SrTags.ContentTime, "TM", time)
            .Text(DicomTag.Modality, "CS", modality)
            .Text(DicomTag.SeriesInstanceUid, "UI", series.SeriesInstanceUid)
            .Text(SrTags.SeriesNumber, "IS", series.SeriesNumber.ToString(CultureInfo.InvariantCulture))
            .Text(SrTags.SeriesDescription, "LO", "MedPipeline AI results")
            .Text(DicomTag.InstanceNumber, "IS", instanceNumber.ToString(CultureInfo.InvariantCulture))
            .Text(SrTags.Manufacturer, "LO", ResultSeries.Manufacturer)
            .Text(SrTags.SoftwareVersions, "LO", series.SoftwareVersion);
    }
}
