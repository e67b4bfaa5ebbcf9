using MedPipeline.SampleData;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Archive;

namespace MedPipeline.Unpacker.Tests;

/// <summary>Entries are inflated by several workers at once; keys, contents and refusals must read as if one worker did it.</summary>
public sealed class When_an_archive_is_unpacked_on_every_core
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
    public async Task Each_key_holds_the_entry_of_its_place_in_the_archive()
    {
        var archive = new SeriesArchive().Add("folder/", []);
        for (var i = 1; i <= 41; i++)
        {
            archive.Add($"CT_{i}.dcm", TestZip.DicomLike(i * 100));
        }

        var instances = await ExtractAsync(archive.Build());

        Assert.That(instances.Select(i => i.EntryName), Is.EqualTo(Enumerable.Range(1, 41).Select(i => $"CT_{i}.dcm")));
        Assert.That(instances.Select(i => i.Key), Is.EqualTo(Enumerable.Range(1, 41).Select(i => StoreLayout.Instance("out", i))));
        for (var i = 1; i <= 41; i++)
        {
            await using var stored = _store.OpenRead(StoreLayout.Instance("out", i));
            Assert.That(stored.Length, Is.EqualTo(132 + (i * 100)), $"entry {i}");
        }
    }

    [Test]
    public void A_bad_entry_late_in_the_archive_is_named_in_the_refusal()
    {
        var archive = new SeriesArchive();
        for (var i = 1; i <= 40; i++)
        {
            archive.Add($"CT_{i}.dcm", i == 37 ? new byte[400] : TestZip.DicomLike());
        }

        var rejection = Assert.ThrowsAsync<ArchiveRejectedException>(() => ExtractAsync(archive.Build()));

        Assert.That(rejection!.Problem, Is.EqualTo(ArchiveProblem.NotDicom));
        Assert.That(rejection.Message, Does.Contain("CT_37.dcm"));
    }

    private async Task<IReadOnlyList<ExtractedInstance>> ExtractAsync(byte[] zip, ArchiveLimits? limits = null)
    {
        await _store.WriteAsync("archives/a.zip", new MemoryStream(zip), null, CancellationToken.None);
        return await new SafeZipExtractor(_store, limits ?? new ArchiveLimits()).ExtractAsync("archives/a.zip", "out", CancellationToken.None);
    }
}
