using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Consumers;
using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;
using MedPipeline.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>
/// The callback consumer on MassTransit's in-memory test harness, with the service's sender talking to a scripted
/// backend for organization "st-olaf" and its receipts in a temporary store (deleted on dispose).
/// </summary>
internal sealed class CallbackWorker : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private int _consumed;

    private CallbackWorker(ServiceProvider provider, string storeRoot)
    {
        _provider = provider;
        StoreRoot = storeRoot;
        Harness = provider.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    public string StoreRoot { get; }

    public static async Task<CallbackWorker> StartAsync(ScriptedBackend backend)
    {
        var sender = ScriptedSender.Create(backend, new Dictionary<string, OrganizationOptions>
        {
            ["st-olaf"] = new() { CallbackBaseUrl = "http://backend.test/" },
        }, new CallbackDeliveryOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(1) });
        var storeRoot = Directory.CreateTempSubdirectory("medpipe-callback-store-").FullName;
        var provider = new ServiceCollection()
            .AddLogging()
            .AddSingleton(sender)
            .AddSingleton<ISeriesStore>(new FileSystemStore(storeRoot))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<CallbackReceipts>()
            .AddSingleton<CallbacksInFlight>()
            .AddMassTransitTestHarness(x => x.AddConsumer<SendSeriesStatusCallbackConsumer>())
            .BuildServiceProvider(true);
        var worker = new CallbackWorker(provider, storeRoot);
        await worker.Harness.Start();
        return worker;
    }

    /// <summary>Publishes a command and waits until the consumer has handled it (every earlier one included).</summary>
    public async Task ConsumeAsync(SendSeriesStatusCallback message)
    {
        var expected = ++_consumed;
        await Harness.Bus.Publish(message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Harness.Consumed.Select<SendSeriesStatusCallback>(timeout.Token).Count() < expected)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    /// <summary>Waits until <paramref name="count"/> deliveries were reported (however many commands it took).</summary>
    public async Task WaitForDeliveredAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (Harness.Published.Select<SeriesStatusCallbackDelivered>(timeout.Token).Count() < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
        Directory.Delete(StoreRoot, recursive: true);
    }
}
