using System.Security.Cryptography;
using MedPipeline.Storage;

namespace MedPipeline.Storage.Tests;

public sealed class When_objects_are_kept_in_the_shared_store
{
    private string _root = "";
    private FileSystemStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-store-").FullName;
        _store = new FileSystemStore(_root);
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_written_object_reads_back_with_its_length()
    {
        var bytes = new byte[300_000];
        new Random(1).NextBytes(bytes);

        var stored = await _store.WriteAsync("series/a/b.bin", new MemoryStream(bytes), null, CancellationToken.None);

        Assert.That(stored.Length, Is.EqualTo(bytes.Length));
        await using var read = _store.OpenRead("series/a/b.bin");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
    }

    /// <summary>The store writes in 1 MB chunks whatever its source reads in: sizes around the chunk's edges, and nothing at all.</summary>
    [TestCase(0)]
    [TestCase(1024 * 1024)]
    [TestCase((3 * 1024 * 1024) + 7)]
    public async Task An_object_read_from_its_source_in_uneven_pieces_is_stored_byte_for_byte(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);

        var stored = await _store.WriteAsync("archives/o/uneven.zip", new UnevenReads(bytes), null, CancellationToken.None);

        Assert.That(stored.Length, Is.EqualTo(size));
        await using var read = _store.OpenRead("archives/o/uneven.zip");
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.That(SHA256.HashData(copy.ToArray()), Is.EqualTo(SHA256.HashData(bytes)));
    }

    [Test]
    public void A_write_past_its_limit_by_a_byte_after_several_chunks_keeps_nothing()
    {
        Assert.ThrowsAsync<StoreLimitExceededException>(() =>
            _store.WriteAsync("archives/big.zip", new UnevenReads(new byte[(2 * 1024 * 1024) + 1]), 2 * 1024 * 1024, CancellationToken.None));

        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Is.Empty, "no partial file may remain");
    }

    [Test]
    public async Task A_window_of_an_object_reads_as_a_stream_of_its_own()
    {
        var bytes = new byte[300_000];
        new Random(2).NextBytes(bytes);
        await _store.WriteAsync("archives/o/a.zip", new MemoryStream(bytes), null, CancellationToken.None);

        await using var window = _store.OpenRead("archives/o/a.zip", 1_000, 200_000);
        using var copy = new MemoryStream();
        await window.CopyToAsync(copy);
        Assert.That((window.Length, copy.ToArray()), Is.EqualTo((200_000L, bytes[1_000..201_000])));

        window.Position = 199_990;
        var tail = new byte[64];
        Assert.That(window.Read(tail), Is.EqualTo(10), "nothing past the window's end");
        Assert.That(tail[..10], Is.EqualTo(bytes[200_990..201_000]));
        window.Seek(-5, SeekOrigin.End);
        Assert.That(await window.ReadAsync(tail), Is.EqualTo(5));
    }

    [Test]
    public async Task A_window_reaching_past_the_object_is_refused_when_opened()
    {
        await _store.WriteAsync("archives/o/a.zip", new MemoryStream(new byte[1_000]), null, CancellationToken.None);

        Assert.That(() => _store.OpenRead("archives/o/a.zip", 900, 101), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("outside"));
        Assert.That(() => _store.OpenRead("archives/o/a.zip", -1, 10), Throws.InstanceOf<InvalidDataException>());
        await using var exact = _store.OpenRead("archives/o/a.zip", 900, 100);
        Assert.That(exact.Length, Is.EqualTo(100));
    }

    [Test]
    public void A_write_past_its_limit_keeps_nothing()
    {
        var ex = Assert.ThrowsAsync<StoreLimitExceededException>(() =>
            _store.WriteAsync("archives/big.zip", new MemoryStream(new byte[1001]), 1000, CancellationToken.None));

        Assert.That(ex!.Message, Does.Contain("1000 bytes"));
        Assert.That(_store.Exists("archives/big.zip"), Is.False);
        Assert.That(Directory.GetFiles(_root, "*", SearchOption.AllDirectories), Is.Empty, "no partial file may remain");
    }

    [Test]
    public async Task Writing_a_key_again_replaces_it()
    {
        await _store.WriteAsync("k/x", new MemoryStream([1, 2, 3]), null, CancellationToken.None);
        await _store.WriteAsync("k/x", new MemoryStream([4]), null, CancellationToken.None);

        Assert.That(_store.List("k"), Is.EqualTo(new[] { "k/x" }));
        await using var read = _store.OpenRead("k/x");
        Assert.That(read.ReadByte(), Is.EqualTo(4));
    }

    [TestCase("../escape")]
    [TestCase("/etc/passwd")]
    [TestCase("a//b")]
    [TestCase("a/./b")]
    [TestCase("a b")]
    [TestCase("")]
    public void An_unsafe_key_is_refused(string key)
    {
        Assert.That(() => _store.OpenRead(key), Throws.ArgumentException.With.Message.Contains("Invalid store key"));
    }

    [Test]
    public void Reading_a_missing_key_says_which()
    {
        Assert.That(() => _store.OpenRead("series/none"), Throws.TypeOf<FileNotFoundException>().With.Message.Contains("series/none"));
    }

    [Test]
    public async Task Deleting_a_prefix_removes_everything_below_it()
    {
        await _store.WriteAsync("s/1/a", new MemoryStream([1]), null, CancellationToken.None);
        await _store.WriteAsync("s/1/b/c", new MemoryStream([1]), null, CancellationToken.None);
        await _store.WriteAsync("s/2/a", new MemoryStream([1]), null, CancellationToken.None);

        _store.DeletePrefix("s/1");

        Assert.That(_store.List("s"), Is.EqualTo(new[] { "s/2/a" }));
    }

    [Test]
    public async Task A_tensor_batch_reads_back_with_the_values_written_whether_copied_or_rented()
    {
        var values = Enumerable.Range(0, 32 * 4096).Select(i => MathF.Sin(i) * 1000).ToArray();

        // Written from a slice, as the Preprocessor writes a last, partly filled batch.
        var key = await TensorBatches.WriteBatchAsync(_store, "series/t", 0, values.AsMemory(0, 5 * 4096), CancellationToken.None);
        var copied = await TensorBatches.ReadBatchAsync(_store, key, CancellationToken.None);
        using var rented = await TensorBatches.RentBatchAsync(_store, key, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(copied, Is.EqualTo(values[..(5 * 4096)]));
            Assert.That(rented.Values.Length, Is.EqualTo(5 * 4096), "the rented array may be longer; the batch is not");
            Assert.That(rented.Values.ToArray(), Is.EqualTo(values[..(5 * 4096)]));
        });
    }

    [Test]
    public async Task A_rented_tensor_batch_cannot_be_read_after_it_went_back_to_the_pool()
    {
        var key = await TensorBatches.WriteBatchAsync(_store, "series/t", 1, new float[] { 1, 2, 3 }, CancellationToken.None);
        var rented = await TensorBatches.RentBatchAsync(_store, key, CancellationToken.None);
        rented.Dispose();
        rented.Dispose();

        Assert.That(() => rented.Values, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public async Task A_tensor_batch_that_is_not_whole_float32_values_is_refused_with_its_key()
    {
        await _store.WriteAsync("series/t/batch-odd.bin", new MemoryStream(new byte[4099]), null, CancellationToken.None);

        Assert.That(async () => await TensorBatches.RentBatchAsync(_store, "series/t/batch-odd.bin", CancellationToken.None),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("series/t/batch-odd.bin").And.Message.Contains("4099 bytes"));
    }

    /// <summary>A source that hands out at most 1,000 to 70,000 bytes per read, as a network stream does.</summary>
    private sealed class UnevenReads(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        private readonly Random _sizes = new(3);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, _sizes.Next(1_000, 70_000))], cancellationToken);
    }
}
