using System.Buffers.Binary;
using MedPipeline.SampleData;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;

namespace MedPipeline.Unpacker.Tests;

/// <summary>
/// Crafted archives whose End Of Central Directory record declares far more entries than exist: the declared
/// count alone refuses them, before System.IO.Compression reads (or fails on) a single central-directory entry.
/// </summary>
public sealed class When_a_ZIP_declares_too_many_entries
{
    private string _root = "";
    private FileSystemStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-eocd-").FullName;
        _store = new FileSystemStore(_root);
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [Test]
    public void A_classic_record_declaring_60000_entries_is_refused_by_its_count()
    {
        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(ClassicEnd(entries: 60_000)));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.ZipBomb));
        Assert.That(rejection.Message, Does.Contain("declares 60000 entries; the limit is 5000"));
    }

    [Test]
    public void A_ZIP64_record_declaring_a_trillion_entries_is_refused_by_its_count()
    {
        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(Zip64End(entries: 1_000_000_000_000)));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.ZipBomb));
        Assert.That(rejection.Message, Does.Contain("declares 1000000000000 entries"));
    }

    [Test]
    public void A_real_archive_whose_record_is_rewritten_to_declare_more_is_refused_before_its_entries_are_read()
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", TestZip.DicomLike()).Add("CT_2.dcm", TestZip.DicomLike()).Build();
        // Both count fields of the record (this disk, total); the central directory itself still holds two entries.
        BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(zip.Length - 22 + 8), 11);
        BinaryPrimitives.WriteUInt16LittleEndian(zip.AsSpan(zip.Length - 22 + 10), 11);

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip, new ArchiveLimits { MaxEntries = 10 }));

        Assert.That(rejection!.Message, Does.Contain("declares 11 entries"));
        Assert.That(_store.List("out"), Is.Empty);
    }

    private static byte[] ClassicEnd(ushort entries)
    {
        var end = new byte[22];
        BinaryPrimitives.WriteUInt32LittleEndian(end, 0x06054B50);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(8), entries);
        BinaryPrimitives.WriteUInt16LittleEndian(end.AsSpan(10), entries);
        return end;
    }

    /// <summary>A ZIP64 end record at offset 0, its locator, then a classic record whose fields are saturated.</summary>
    private static byte[] Zip64End(ulong entries)
    {
        var bytes = new byte[56 + 20 + 22];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, 0x06064B50);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(4), 44);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24), entries);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(32), entries);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(56), 0x07064B50);
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(56 + 8), 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(56 + 16), 1);
        ClassicEnd(ushort.MaxValue).CopyTo(bytes, 76);
        return bytes;
    }

    private async Task ExtractAsync(byte[] zip, ArchiveLimits? limits = null)
    {
        await _store.WriteAsync("archives/a.zip", new MemoryStream(zip), null, CancellationToken.None);
        await new SafeZipExtractor(_store, limits ?? new ArchiveLimits()).ExtractAsync("archives/a.zip", "out", CancellationToken.None);
    }
}
