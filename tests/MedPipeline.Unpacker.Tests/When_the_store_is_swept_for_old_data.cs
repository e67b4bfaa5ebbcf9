using MedPipeline.Storage;
using MedPipeline.Unpacker.Retention;
using Microsoft.Extensions.Logging.Abstractions;

namespace MedPipeline.Unpacker.Tests;

/// <summary>The Unpacker's store sweep with the default age (2 days), on a store directory.</summary>
public sealed class When_the_store_is_swept_for_old_data
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private string _root = "";

    [SetUp]
    public void CreateStore() => _root = Directory.CreateTempSubdirectory("medpipe-sweep-").FullName;

    [TearDown]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Old_uploads_series_and_callback_receipts_go_and_recent_ones_stay()
    {
        var store = new FileSystemStore(_root);
        var oldSeries = StoreLayout.Instance(StoreLayout.Instances(Guid.NewGuid(), Guid.NewGuid()), 1);
        var busySeries = StoreLayout.Instances(Guid.NewGuid(), Guid.NewGuid());
        var keys = new[]
        {
            StoreLayout.Archive("st-olaf", Guid.NewGuid()), StoreLayout.Archive("other-hospital", Guid.NewGuid()), oldSeries, StoreLayout.Instance(busySeries, 1),
            StoreLayout.Instance(busySeries, 2), StoreLayout.CallbackReceipt(Guid.NewGuid()), StoreLayout.CallbackReceipt(Guid.NewGuid()),
        };
        foreach (var key in keys)
        {
            await store.WriteAsync(key, new MemoryStream([1]), null, CancellationToken.None);
        }

        // Three days old: the first upload, the old series, the busy series' first instance (its second is an hour old), the first receipt.
        foreach (var key in keys)
        {
            File.SetLastWriteTimeUtc(store.PathOf(key), Now.AddHours(key == keys[1] || key == keys[4] || key == keys[6] ? -1 : -72).UtcDateTime);
        }

        foreach (var folder in Directory.EnumerateDirectories(store.PathOf(StoreLayout.SeriesRoot), "*", SearchOption.AllDirectories))
        {
            Directory.SetLastWriteTimeUtc(folder, Now.AddHours(-72).UtcDateTime);
        }

        var sweep = new StoreDataSweep(Microsoft.Extensions.Options.Options.Create(new StoreOptions { Path = _root }),
            Microsoft.Extensions.Options.Options.Create(new StoreRetentionOptions()), NullLogger<StoreDataSweep>.Instance);

        var (archives, series, receipts) = sweep.SweepOnce(Now);

        Assert.That((archives, series, receipts), Is.EqualTo((1, 1, 1)));
        Assert.That(keys.Select(store.Exists), Is.EqualTo(new[] { false, true, false, true, true, false, true }));
    }
}
