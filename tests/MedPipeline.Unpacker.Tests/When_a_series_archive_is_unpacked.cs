using MedPipeline.SampleData;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;

namespace MedPipeline.Unpacker.Tests;

public sealed class When_a_series_archive_is_unpacked
{
    private string _root = "";
    private FileSystemStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-unpack-").FullName;
        _store = new FileSystemStore(_root);
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Every_DICOM_entry_is_written_to_the_store_in_entry_order()
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", TestZip.DicomLike(10)).Add("sub/CT_2.dcm", TestZip.DicomLike(20)).Build();

        var instances = await ExtractAsync(zip);

        Assert.That(instances.Select(i => i.EntryName), Is.EqualTo(new[] { "CT_1.dcm", "sub/CT_2.dcm" }));
        Assert.That(instances.Select(i => i.Length), Is.EqualTo(new long[] { 142, 152 }));
        Assert.That(_store.List("out"), Is.EqualTo(new[] { "out/00001.dcm", "out/00002.dcm" }));
    }

    [Test]
    public async Task Unpacking_the_same_archive_twice_gives_the_same_keys()
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", TestZip.DicomLike()).Build();

        var first = await ExtractAsync(zip);
        var second = await ExtractAsync(zip);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(_store.List("out"), Has.Count.EqualTo(1));
    }

    [TestCase("../evil.dcm", ArchiveProblem.UnsafePath, "zip slip")]
    [TestCase("a/../../evil.dcm", ArchiveProblem.UnsafePath, "zip slip")]
    [TestCase("/etc/evil.dcm", ArchiveProblem.UnsafePath, "absolute path")]
    [TestCase("C:/evil.dcm", ArchiveProblem.UnsafePath, "absolute path")]
    [TestCase("inner.zip", ArchiveProblem.NestedArchive, "archive inside")]
    [TestCase("inner.tar.gz", ArchiveProblem.NestedArchive, "archive inside")]
    public void A_dangerous_entry_name_is_rejected(string name, ArchiveProblem problem, string words)
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", TestZip.DicomLike()).Add(name, TestZip.DicomLike()).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip));

        Assert.That(rejection!.Problem, Is.EqualTo(problem));
        Assert.That(rejection.Message, Does.Contain(name).And.Contain(words));
        Assert.That(_store.List("out"), Is.Empty, "nothing may be extracted from a rejected archive");
    }

    [Test]
    public void A_symbolic_link_is_rejected()
    {
        var zip = new SeriesArchive().Add("link.dcm", "/etc/passwd"u8.ToArray(), unixMode: 0xA1FF).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.Symlink));
    }

    [Test]
    public void A_ZIP_disguised_as_a_dcm_file_is_rejected_as_nested()
    {
        var inner = new SeriesArchive().Add("x.dcm", TestZip.DicomLike()).Build();
        var zip = new SeriesArchive().Add("CT_1.dcm", inner).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.NestedArchive));
    }

    [Test]
    public void A_file_that_is_not_DICOM_is_rejected_with_its_name()
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", TestZip.DicomLike()).Add("notes.txt", new byte[300]).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.NotDicom));
        Assert.That(rejection.Message, Does.Contain("notes.txt").And.Contain("DICM"));
    }

    [Test]
    public void A_file_too_short_for_DICOM_is_rejected()
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", new byte[20]).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.NotDicom));
        Assert.That(rejection.Message, Does.Contain("too short"));
    }

    [Test]
    public void A_highly_compressed_entry_is_rejected_as_a_zip_bomb()
    {
        var bomb = TestZip.DicomLike(8 * 1024 * 1024);
        var zip = new SeriesArchive().Add("CT_1.dcm", bomb).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.ZipBomb));
        Assert.That(rejection.Message, Does.Contain("compresses more than 200:1"));
    }

    [Test]
    public void An_archive_declaring_more_than_the_total_limit_is_rejected_before_anything_is_inflated()
    {
        var random = new Random(7);
        var zip = new SeriesArchive();
        for (var i = 0; i < 3; i++)
        {
            var content = TestZip.DicomLike(600_000);
            random.NextBytes(content.AsSpan(132));
            zip.Add($"CT_{i}.dcm", content);
        }

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() =>
            ExtractAsync(zip.Build(), new ArchiveLimits { MaxTotalBytes = 1_500_000 }));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.ZipBomb));
        Assert.That(rejection.Message, Does.Contain($"declares {3 * TestZip.DicomLike(600_000).Length} bytes in total; the limit is 1500000"));
        Assert.That(_store.List("out"), Is.Empty, "nothing was inflated into the store");
    }

    [Test]
    public void Too_many_entries_are_rejected()
    {
        var zip = new SeriesArchive();
        for (var i = 0; i < 11; i++)
        {
            zip.Add($"CT_{i}.dcm", TestZip.DicomLike());
        }

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() =>
            ExtractAsync(zip.Build(), new ArchiveLimits { MaxEntries = 10 }));

        Assert.That(rejection!.Message, Does.Contain("11 entries"));
    }

    [Test]
    public void Bytes_that_are_not_a_ZIP_are_rejected()
    {
        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync("not a zip at all"u8.ToArray()));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.NotAZip));
    }

    [Test]
    public void A_truncated_ZIP_is_rejected()
    {
        var zip = new SeriesArchive().Add("CT_1.dcm", TestZip.DicomLike(5000)).Build();

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(zip[..(zip.Length / 2)]));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.NotAZip));
    }

    [Test]
    public void An_empty_archive_is_rejected()
    {
        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(new SeriesArchive().Add("dir/", []).Build()));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.Empty));
    }

    private async Task<IReadOnlyList<ExtractedInstance>> ExtractAsync(byte[] zip, ArchiveLimits? limits = null)
    {
        await _store.WriteAsync("archives/a.zip", new MemoryStream(zip), null, CancellationToken.None);
        var extractor = new SafeZipExtractor(_store, limits ?? new ArchiveLimits());
        return await extractor.ExtractAsync("archives/a.zip", "out", CancellationToken.None);
    }
}
