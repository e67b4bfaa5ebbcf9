using System.IO.Compression;
using MedPipeline.Storage;

namespace MedPipeline.Unpacker.Archive;

/// <summary>
/// Takes the DICOM instances out of a series ZIP into the store, refusing the whole archive at the
/// first sign of danger: unsafe paths, symlinks, nested archives, too many entries, too many bytes
/// (the central directory's entry count before any entry is read, its declared total size before any entry is inflated, bytes counted again as they are inflated), absurd compression ratios, and entries that are not DICOM.
/// A DICOMDIR is checked like any entry but not extracted.
/// Instance keys are numbered in entry order, so a redelivered message writes the same keys again.
/// </summary>
public sealed class SafeZipExtractor(ISeriesStore store, ArchiveLimits limits)
{
    private const int SymlinkType = 0xA000;
    private const int FileTypeMask = 0xF000;

    public async Task<IReadOnlyList<ExtractedInstance>> ExtractAsync(string archiveKey, string targetPrefix, CancellationToken cancellationToken)
    {
        await using var source = store.OpenRead(archiveKey);
        CheckDeclaredEntries(source);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new ArchiveRejectedException(ArchiveProblem.NotAZip, $"the upload is not a readable ZIP archive ({e.Message})");
        }

        using (archive)
        {
            var files = archive.Entries.Where(e => !IsDirectory(e)).ToList();
            if (archive.Entries.Count > limits.MaxEntries)
            {
                throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                    $"the archive has {archive.Entries.Count} entries; the limit is {limits.MaxEntries}");
            }

            if (files.Count == 0)
            {
                throw new ArchiveRejectedException(ArchiveProblem.Empty, "the archive contains no files");
            }

            foreach (var entry in files)
            {
                CheckEntry(entry);
            }

            CheckDeclaredTotal(files);
            files = [.. files.Where(e => !IsMediaDirectory(e))];
            if (files.Count == 0)
            {
                throw new ArchiveRejectedException(ArchiveProblem.Empty, "the archive contains nothing but a DICOMDIR");
            }

            return await new ParallelEntryExtraction(store, limits).ExtractAsync(archiveKey, source, archive, files, targetPrefix, cancellationToken);
        }
    }

    private void CheckDeclaredEntries(Stream source)
    {
        var declared = CentralDirectoryCount.Read(source)
            ?? throw new ArchiveRejectedException(ArchiveProblem.NotAZip, "the upload is not a readable ZIP archive (no end of central directory record)");
        if (declared > (ulong)limits.MaxEntries)
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"the archive declares {declared} entries; the limit is {limits.MaxEntries}");
        }
    }

    /// <summary>
    /// The central directory's uncompressed sizes, summed before anything is inflated: an archive that says
    /// it holds more than the series budget is refused at once. The bytes are counted again while inflating
    /// (<see cref="InflationBudget"/>), since a crafted directory can understate them.
    /// </summary>
    private void CheckDeclaredTotal(List<ZipArchiveEntry> files)
    {
        var declared = files.Sum(e => e.Length);
        if (declared > limits.MaxTotalBytes)
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"the archive declares {declared} bytes in total; the limit is {limits.MaxTotalBytes}");
        }
    }

    private static bool IsDirectory(ZipArchiveEntry entry) => entry.FullName.EndsWith('/') && entry.Length == 0;

    /// <summary>
    /// A DICOMDIR (PS3.10 media directory, as burned on CDs and copied into ZIPs with its study) indexes the other
    /// files and holds no image: it is left out, not counted as an instance, so it neither fails nor pads the series.
    /// </summary>
    private static bool IsMediaDirectory(ZipArchiveEntry entry) => entry.Name.Equals("DICOMDIR", StringComparison.OrdinalIgnoreCase);

    private void CheckEntry(ZipArchiveEntry entry)
    {
        EntryNameCheck.Validate(entry.FullName);
        if (((entry.ExternalAttributes >> 16) & FileTypeMask) == SymlinkType)
        {
            throw new ArchiveRejectedException(ArchiveProblem.Symlink, $"entry '{entry.FullName}' is a symbolic link");
        }

        if (entry.Length > limits.MaxEntryBytes)
        {
            throw new ArchiveRejectedException(ArchiveProblem.ZipBomb,
                $"entry '{entry.FullName}' declares {entry.Length} bytes; the limit per entry is {limits.MaxEntryBytes}");
        }
    }
}
