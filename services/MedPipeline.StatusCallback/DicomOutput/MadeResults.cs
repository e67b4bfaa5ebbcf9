using MedPipeline.Dicom.Reports;

namespace MedPipeline.StatusCallback.DicomOutput;

/// <summary>The objects made for one result: the SR, the heatmap images, the SR's series, and what could not be made.</summary>
public sealed record MadeResults(ResultObject Report, IReadOnlyList<ResultObject> Images, string SeriesInstanceUid, string? Failure)
{
    public IEnumerable<ResultObject> All => [Report, .. Images];
}
