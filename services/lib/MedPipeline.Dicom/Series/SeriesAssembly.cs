using System.Globalization;

namespace MedPipeline.Dicom.Series;

/// <summary>
/// What a folder of instances turned out to be: the image instances in order, and every irregularity
/// found on the way, so the pipeline can answer not_supported or failed with a precise reason.
/// </summary>
public sealed record SeriesAssembly
{
    public required IReadOnlyList<SeriesInstance> Images { get; init; }

    public required IReadOnlyList<string> SeriesInstanceUids { get; init; }

    public required IReadOnlyList<string> StudyInstanceUids { get; init; }

    public required IReadOnlyList<SeriesFileProblem> NonImages { get; init; }

    public required IReadOnlyList<SeriesFileProblem> Unreadable { get; init; }

    public required IReadOnlyList<IReadOnlyList<string>> Duplicates { get; init; }

    public required IReadOnlyList<int> MissingInstanceNumbers { get; init; }

    public required IReadOnlyList<string> FrameSizes { get; init; }

    public required IReadOnlyList<string> Modalities { get; init; }

    public required IReadOnlyList<string> SopClassUids { get; init; }

    public bool IsMixedSeries => SeriesInstanceUids.Count > 1;

    public bool HasMixedSizes => FrameSizes.Count > 1;

    /// <summary>Human-readable findings, most serious first; empty for a clean series.</summary>
    public IReadOnlyList<string> Findings()
    {
        var findings = new List<string>();
        findings.AddRange(Unreadable.Select(u => $"{u.Name} is unreadable ({u.Reason}): {u.Detail}"));
        if (IsMixedSeries) findings.Add($"the files belong to {SeriesInstanceUids.Count} series: {string.Join(", ", SeriesInstanceUids)}");
        if (HasMixedSizes) findings.Add($"the images have different sizes: {string.Join(", ", FrameSizes)}");
        findings.AddRange(Duplicates.Select(d => $"the same SOP Instance UID appears in {string.Join(", ", d)}"));
        if (MissingInstanceNumbers.Count > 0)
        {
            findings.Add("instance numbers missing from the sequence: " +
                string.Join(", ", MissingInstanceNumbers.Take(20).Select(n => n.ToString(CultureInfo.InvariantCulture))) +
                (MissingInstanceNumbers.Count > 20 ? ", ..." : ""));
        }

        findings.AddRange(NonImages.Select(n => $"{n.Name} is not an image: {n.Detail}"));
        return findings;
    }
}
