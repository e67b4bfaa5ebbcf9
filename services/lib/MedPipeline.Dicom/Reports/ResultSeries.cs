namespace MedPipeline.Dicom.Reports;

/// <summary>Where the results objects go: a new series of the source study, its number, when made and by what.</summary>
public sealed record ResultSeries(string SeriesInstanceUid, int SeriesNumber, DateTimeOffset CreatedAt, string UidRoot, string SoftwareVersion)
{
    public const string Manufacturer = "MedPipeline";
}
