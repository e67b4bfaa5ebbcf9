using System.IO.Compression;

namespace MedPipeline.Unpacker.Tests;

/// <summary>Builds ZIP archives in memory, including hostile ones.</summary>
internal sealed class TestZip
{
    private readonly List<(string Name, byte[] Content, int? UnixMode)> _entries = [];

    public static byte[] DicomLike(int payload = 64)
    {
        var bytes = new byte[132 + payload];
        "DICM"u8.CopyTo(bytes.AsSpan(128));
        return bytes;
    }

    public TestZip Add(string name, byte[] content, int? unixMode = null)
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
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
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
