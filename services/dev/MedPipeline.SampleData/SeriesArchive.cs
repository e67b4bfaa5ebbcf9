using System.IO.Compression;

namespace MedPipeline.SampleData;

/// <summary>Builds a ZIP in memory from named entries (hostile names and modes included, for tests), deflated unless told otherwise.</summary>
public sealed class SeriesArchive(CompressionLevel level = CompressionLevel.Optimal)
{
    private readonly List<(string Name, byte[] Content, int? UnixMode)> _entries = [];

    public SeriesArchive Add(string name, byte[] content, int? unixMode = null)
    {
        _entries.Add((name, content, unixMode));
        return this;
    }

    public byte[] Build()
    {
        using var memory = new MemoryStream();
        using (var archive = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content, unixMode) in _entries)
            {
                var entry = archive.CreateEntry(name, level);
                if (unixMode is { } mode)
                {
                    entry.ExternalAttributes = mode << 16;
                }

                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return memory.ToArray();
    }
}
