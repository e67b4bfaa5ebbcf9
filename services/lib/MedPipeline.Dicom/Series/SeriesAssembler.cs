using System.Globalization;

namespace MedPipeline.Dicom.Series;

/// <summary>
/// Reads the headers of every file of an unpacked series (no pixel decoding), groups and orders the
/// images (Instance Number, then position along the slice normal) and reports duplicates, gaps,
/// mixed series, mixed sizes, non-image objects and unreadable files.
/// </summary>
public static class SeriesAssembler
{
    public static Task<SeriesAssembly> AssembleAsync(IEnumerable<(string Name, string Path)> files, DicomReadLimits? limits = null,
        CancellationToken cancellationToken = default) =>
        AssembleAsync(files, path => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true), limits, cancellationToken);

    /// <summary>The same over any storage: <paramref name="open"/> opens the file at each location (a path or a store key).</summary>
    public static async Task<SeriesAssembly> AssembleAsync(IEnumerable<(string Name, string Path)> files, Func<string, Stream> open,
        DicomReadLimits? limits = null, CancellationToken cancellationToken = default)
    {
        // Headers are read on every core; what each file is stays in the listed order, so reports read the same as before.
        var listed = files.ToList();
        var found = new (SeriesInstance? Image, SeriesFileProblem? NonImage, SeriesFileProblem? Unreadable)[listed.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, listed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (i, token) => found[i] = await ReadAsync(listed[i].Name, listed[i].Path, open, limits, token));
        var images = found.Select(f => f.Image).OfType<SeriesInstance>().ToList();
        var nonImages = found.Select(f => f.NonImage).OfType<SeriesFileProblem>().ToList();
        var unreadable = found.Select(f => f.Unreadable).OfType<SeriesFileProblem>().ToList();

        var ordered = images
            .OrderBy(i => i.Info.InstanceNumber ?? int.MaxValue)
            .ThenBy(i => i.SlicePosition ?? 0)
            .ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        return new SeriesAssembly
        {
            Images = ordered,
            SeriesInstanceUids = Distinct(images.Select(i => i.Info.SeriesInstanceUid)),
            StudyInstanceUids = Distinct(images.Select(i => i.Info.StudyInstanceUid)),
            NonImages = nonImages,
            Unreadable = unreadable,
            Duplicates = [.. images.Where(i => i.Info.SopInstanceUid is not null)
                .GroupBy(i => i.Info.SopInstanceUid).Where(g => g.Count() > 1)
                .Select(g => (IReadOnlyList<string>)[.. g.Select(i => i.Name).Order(StringComparer.Ordinal)])],
            MissingInstanceNumbers = Gaps(images.Select(i => i.Info.InstanceNumber).OfType<int>()),
            FrameSizes = Distinct(images.Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Info.Columns}x{i.Info.Rows}"))),
            Modalities = Distinct(images.Select(i => i.Info.Modality)),
            SopClassUids = Distinct(images.Select(i => i.Info.SopClassUid)),
        };
    }

    private static async Task<(SeriesInstance? Image, SeriesFileProblem? NonImage, SeriesFileProblem? Unreadable)> ReadAsync(
        string name, string path, Func<string, Stream> open, DicomReadLimits? limits, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = open(path);
            var (info, pixelData) = await DicomFile.ReadImageHeaderAsync(stream, name, limits, cancellationToken);
            return info.HasPixelData
                ? (new SeriesInstance(name, path, info, SlicePosition(info), stream.Length, pixelData), null, null)
                : (null, new SeriesFileProblem(name, DicomFailureReason.NoPixelData,
                    $"SOP class {info.SopClassUid ?? "unknown"}, modality {info.Modality ?? "unknown"}, has no pixel data"), null);
        }
        catch (DicomReadException e)
        {
            return (null, null, new SeriesFileProblem(name, e.Reason, e.Detail));
        }
    }

    /// <summary>Image Position projected on the slice normal (row × column direction cosines).</summary>
    private static double? SlicePosition(DicomImageInfo info)
    {
        if (info.ImagePositionPatient is not { Length: 3 } p || info.ImageOrientationPatient is not { Length: 6 } o)
        {
            return null;
        }

        var normal = (X: o[1] * o[5] - o[2] * o[4], Y: o[2] * o[3] - o[0] * o[5], Z: o[0] * o[4] - o[1] * o[3]);
        return p[0] * normal.X + p[1] * normal.Y + p[2] * normal.Z;
    }

    private static List<int> Gaps(IEnumerable<int> numbers)
    {
        var present = numbers.ToHashSet();
        if (present.Count < 2)
        {
            return [];
        }

        var (min, max) = (present.Min(), present.Max());
        return max - min > 100_000 ? [] : [.. Enumerable.Range(min, max - min + 1).Where(n => !present.Contains(n))];
    }

    private static List<string> Distinct(IEnumerable<string?> values) =>
        [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
