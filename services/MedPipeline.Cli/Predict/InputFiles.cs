using System.IO.Compression;

namespace MedPipeline.Cli.Predict;

/// <summary>The files a prediction runs on: one file, every file of a folder, or every entry of a ZIP (sorted by name).</summary>
internal static class InputFiles
{
    private const long MaxEntryBytes = 1L << 30;

    public static IEnumerable<(string Name, Func<byte[]> Read)> Enumerate(FileSystemInfo input)
    {
        if (input is DirectoryInfo folder)
        {
            return folder.EnumerateFiles("*", SearchOption.AllDirectories)
                .OrderBy(f => f.FullName, StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(folder.FullName, f.FullName), (Func<byte[]>)(() => File.ReadAllBytes(f.FullName))));
        }

        if (!input.Exists)
        {
            throw new FileNotFoundException($"'{input.FullName}' does not exist.");
        }

        return input.Extension.Equals(".zip", StringComparison.OrdinalIgnoreCase)
            ? ZipEntries(input.FullName)
            : [(input.Name, () => File.ReadAllBytes(input.FullName))];
    }

    private static List<(string, Func<byte[]>)> ZipEntries(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var entries = new List<(string, Func<byte[]>)>();
        foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith('/')).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            if (entry.Length > MaxEntryBytes)
            {
                throw new InvalidDataException($"ZIP entry '{entry.FullName}' is larger than {MaxEntryBytes} bytes.");
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            entries.Add((entry.FullName, () => bytes));
        }

        return entries;
    }
}
