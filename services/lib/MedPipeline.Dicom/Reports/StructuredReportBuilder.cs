using System.Globalization;
using MedPipeline.Dicom.Writing;

namespace MedPipeline.Dicom.Reports;

/// <summary>
/// The Comprehensive SR of one series' result: the algorithm (name, version, model sha256), the finding (class and
/// probability, or reconstruction MSE, threshold and the anomaly flag) and references to every source image, in a new
/// series of the source study; patient and study copied from the first source image.
/// </summary>
public static class StructuredReportBuilder
{
    public const string ComprehensiveSrStorage = "1.2.840.10008.5.1.4.1.1.88.33";

    /// <summary>The SR; its SOP Instance UID is <paramref name="sopInstanceUid"/>, or a new one under the series' root.</summary>
    public static ResultObject Build(SeriesFinding finding, IReadOnlyList<SourceInstance> sources, ResultSeries series, string? sopInstanceUid = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(series);
        if (sources.Count == 0)
        {
            throw new ArgumentException("An SR needs at least one source image to refer to.", nameof(sources));
        }

        var uid = sopInstanceUid ?? DicomUids.Under(series.UidRoot);
        var writer = ResultModules.Common(new DicomWriter(), sources[0], series, ComprehensiveSrStorage, uid, "SR", instanceNumber: 1)
            .Sequence(SrTags.ReferencedPerformedProcedureStepSequence, [])
            .Text(SrTags.CompletionFlag, "CS", "COMPLETE")
            .Text(SrTags.VerificationFlag, "CS", "UNVERIFIED")
            .Sequence(SrTags.PerformedProcedureCodeSequence, [])
            .Sequence(SrTags.CurrentRequestedProcedureEvidenceSequence, Evidence(sources))
            .Sequence(SrTags.CodingSchemeIdentificationSequence,
            [
                new DicomWriter().Text(SrTags.CodingSchemeDesignator, "SH", ResultCodes.PrivateScheme)
                    .Text(SrTags.CodingSchemeName, "ST", "MedPipeline result concepts"),
            ])
            .Text(SrTags.ValueType, "CS", "CONTAINER")
            .Sequence(SrTags.ConceptNameCodeSequence, [ResultCodes.Report.ToItem()])
            .Text(SrTags.ContinuityOfContent, "CS", "SEPARATE")
            .Sequence(SrTags.ContentSequence, [.. Content(finding), .. sources.Select(s => SrContentItems.Image(ResultCodes.SourceImage, s))]);
        return new ResultObject(ComprehensiveSrStorage, uid, writer.ToBytes(TransferSyntax.ExplicitLittleUid));
    }

    private static IEnumerable<DicomWriter> Content(SeriesFinding finding)
    {
        yield return SrContentItems.Text(ResultCodes.AlgorithmName, finding.AlgorithmName);
        yield return SrContentItems.Text(ResultCodes.AlgorithmVersion, finding.AlgorithmVersion);
        yield return SrContentItems.Text(ResultCodes.ModelSha256, finding.ModelSha256);
        yield return SrContentItems.Text(ResultCodes.ModelType, finding.ModelType);
        if (finding.PredictedClass is { } predicted)
        {
            yield return SrContentItems.Text(ResultCodes.Finding, predicted);
        }

        if (finding.Probability is { } probability)
        {
            yield return SrContentItems.Number(ResultCodes.Probability, probability, ResultCodes.NoUnits);
        }

        if (finding.ReconstructionMse is { } mse)
        {
            yield return SrContentItems.Number(ResultCodes.ReconstructionMse, mse, ResultCodes.NoUnits);
        }

        if (finding.Threshold is { } threshold)
        {
            yield return SrContentItems.Number(ResultCodes.AnomalyThreshold, threshold, ResultCodes.NoUnits);
        }

        if (finding.IsAnomaly is { } anomalous)
        {
            yield return SrContentItems.Code(ResultCodes.Anomalous, anomalous ? ResultCodes.Yes : ResultCodes.No);
        }
    }

    /// <summary>Current Requested Procedure Evidence: the source images by study and series.</summary>
    private static IEnumerable<DicomWriter> Evidence(IReadOnlyList<SourceInstance> sources) =>
        sources.GroupBy(s => s.StudyInstanceUid).Select(study => new DicomWriter()
            .Text(DicomTag.StudyInstanceUid, "UI", study.Key)
            .Sequence(SrTags.ReferencedSeriesSequence, study.GroupBy(s => s.SeriesInstanceUid).Select(seriesGroup => new DicomWriter()
                .Text(DicomTag.SeriesInstanceUid, "UI", seriesGroup.Key)
                .Sequence(SrTags.ReferencedSopSequence, seriesGroup.Select(s => s.Reference())))));

    internal static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("HHmmss", CultureInfo.InvariantCulture);
}
