using MedPipeline.Storage;

namespace MedPipeline.Storage.Tests;

public sealed class When_tensor_batches_are_written_and_read
{
    private string _root = "";
    private FileSystemStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-batches-").FullName;
        _store = new FileSystemStore(_root);
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_batch_reads_back_with_the_values_written_whether_copied_or_rented()
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
    public async Task A_rented_batch_cannot_be_read_after_it_went_back_to_the_pool()
    {
        var key = await TensorBatches.WriteBatchAsync(_store, "series/t", 1, new float[] { 1, 2, 3 }, CancellationToken.None);
        var rented = await TensorBatches.RentBatchAsync(_store, key, CancellationToken.None);
        rented.Dispose();
        rented.Dispose();

        Assert.That(() => rented.Values, Throws.TypeOf<ObjectDisposedException>());
    }

    [Test]
    public async Task A_stored_object_that_is_not_whole_float32_values_is_refused_with_its_key()
    {
        await _store.WriteAsync("series/t/batch-odd.bin", new MemoryStream(new byte[4099]), null, CancellationToken.None);

        Assert.That(async () => await TensorBatches.RentBatchAsync(_store, "series/t/batch-odd.bin", CancellationToken.None),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("series/t/batch-odd.bin").And.Message.Contains("4099 bytes"));
    }
}
