using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Storage;
using MedPipeline.Unpacker.Consumers;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Unpacker.Tests;

public sealed class When_series_data_is_deleted
{
    private string _root = "";
    private FileSystemStore _store = null!;

    [SetUp]
    public void CreateStore()
    {
        _root = Directory.CreateTempSubdirectory("medpipe-delete").FullName;
        _store = new FileSystemStore(_root);
    }

    [TearDown]
    public void DeleteStore() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task Archives_and_attempt_folders_go_and_nothing_outside_them_is_touched()
    {
        foreach (var key in new[] { "archives/a.zip", "series/c/a/instances/1.dcm", "series/c/a/tensors/index.json", "series/c/b/instances/1.dcm", "models/x.onnx" })
        {
            await _store.WriteAsync(key, new MemoryStream([1, 2, 3]), null, CancellationToken.None);
        }

        await using var provider = new ServiceCollection()
            .AddSingleton<ISeriesStore>(_store)
            .AddMassTransitTestHarness(x => x.AddConsumer<DeleteSeriesDataConsumer>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new DeleteSeriesData { CorrelationId = Guid.NewGuid(), Keys = ["archives/a.zip", "series/c/a", "models/x.onnx", "archives/gone.zip"] });

        Assert.That(await harness.Consumed.Any<DeleteSeriesData>(), Is.True);
        Assert.That(_store.Exists("archives/a.zip"), Is.False);
        Assert.That(_store.List("series/c/a"), Is.Empty);
        Assert.That(_store.Exists("series/c/b/instances/1.dcm"), Is.True, "another attempt is untouched");
        Assert.That(_store.Exists("models/x.onnx"), Is.True, "keys outside archives/ and series/ are refused");
        Assert.That(await harness.Published.Any<Fault<DeleteSeriesData>>(), Is.False, "a key already gone is not an error");
        await harness.Stop();
    }
}
