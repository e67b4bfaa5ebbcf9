using MassTransit;
using MassTransit.Testing;
using MedPipeline.Models;
using MedPipeline.Storage;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Workers.Tests;

/// <summary>
/// Worker consumers as the tests run them: a store in a fresh temporary folder, the shipped model manifests,
/// the services the test adds, and MassTransit's in-memory test harness, started. Disposing stops it and
/// deletes the store.
/// </summary>
internal sealed class WorkerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WorkerHarness(FileSystemStore store, string root, ServiceProvider provider)
    {
        Store = store;
        Root = root;
        _provider = provider;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public FileSystemStore Store { get; }

    public string Root { get; }

    public ITestHarness Harness { get; }

    public static async Task<WorkerHarness> StartAsync(string folderPrefix, Action<IServiceCollection> services,
        Action<IBusRegistrationConfigurator> consumers, TimeSpan? testTimeout = null)
    {
        var root = Directory.CreateTempSubdirectory(folderPrefix).FullName;
        var store = new FileSystemStore(root);
        var collection = new ServiceCollection()
            .AddSingleton<ISeriesStore>(store)
            .AddSingleton(ModelManifests.Read(RepositoryPaths.Models));
        services(collection);
        var workers = new WorkerHarness(store, root, collection.AddMassTransitTestHarness(consumers).BuildServiceProvider(true));
        workers.Harness.TestTimeout = testTimeout ?? TimeSpan.FromSeconds(60);
        await workers.Harness.Start();
        return workers;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
