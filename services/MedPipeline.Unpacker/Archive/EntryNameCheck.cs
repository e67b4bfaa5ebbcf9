namespace MedPipeline.Unpacker.Archive;

/// <summary>Rejects entry names that could escape the target folder or hide an archive inside the archive.</summary>
internal static class EntryNameCheck
{
    private static readonly string[] ArchiveExtensions = [".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".bz2", ".xz", ".zst"];

    public static void Validate(string name)
    {
        var normalized = name.Replace('\\', '/');
        if (normalized.StartsWith('/') || (normalized.Length > 1 && normalized[1] == ':'))
        {
            throw new ArchiveRejectedException(ArchiveProblem.UnsafePath, $"entry '{name}' has an absolute path");
        }

        if (normalized.Split('/').Any(segment => segment == ".."))
        {
            throw new ArchiveRejectedException(ArchiveProblem.UnsafePath, $"entry '{name}' escapes the archive folder (zip slip)");
        }

        if (normalized.Any(char.IsControl))
        {
            throw new ArchiveRejectedException(ArchiveProblem.UnsafePath, $"entry '{name}' has control characters in its name");
        }

        if (ArchiveExtensions.Any(e => normalized.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArchiveRejectedException(ArchiveProblem.NestedArchive, $"entry '{name}' is an archive inside the archive");
        }
    }
}
