using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Orchestrator.Options;
using MedPipeline.Orchestrator.Saga;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Orchestrator.Tests;

/// <summary>The saga on MassTransit's in-memory test harness with fake workers.</summary>
public abstract class SagaTest
{
    protected const string Organization = "st-olaf";
    private ServiceProvider _provider = null!;

    protected Scenario Scenario { get; private set; } = null!;

    protected ITestHarness Harness { get; private set; } = null!;

    protected ISagaStateMachineTestHarness<SeriesStateMachine, SeriesState> Saga { get; private set; } = null!;

    /// <summary>Orchestrator:Cleanup:DeleteSeriesData for the test (on, as shipped).</summary>
    protected virtual bool DeleteSeriesData => true;

    [SetUp]
    public async Task StartHarness()
    {
        Scenario = new Scenario();
        _provider = new ServiceCollection()
            .AddSingleton(Scenario)
            .AddSingleton<IModelSupport, FakeModels>()
            .AddSingleton<IDicomOutput, FakeDicomOutput>()
            .AddSingleton(TimeProvider.System)
            .Configure<StageTimeouts>(_ => { })
            .Configure<CallbackRetry>(o => o.FirstDelay = TimeSpan.FromSeconds(1))
            .Configure<SeriesDataCleanup>(o => o.DeleteSeriesData = DeleteSeriesData)
            .AddMassTransitTestHarness(x =>
            {
                // The product's definition needs PostgreSQL; here the in-memory outbox gives the same publish-after-save order.
                x.AddSagaStateMachine<SeriesStateMachine, SeriesState>().InMemoryRepository();
                x.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseInMemoryOutbox(context));
                x.AddConsumer<FakeUnpacker>();
                x.AddConsumer<FakePreprocessor>();
                x.AddConsumer<FakeInference>();
                x.AddConsumer<FakeDicomResults>();
            })
            .BuildServiceProvider(true);
        Harness = _provider.GetRequiredService<ITestHarness>();
        Harness.TestTimeout = TimeSpan.FromSeconds(10);
        await Harness.Start();
        Saga = Harness.GetSagaStateMachineHarness<SeriesStateMachine, SeriesState>();
    }

    [TearDown]
    public async Task StopHarness()
    {
        await Harness.Stop();
        await _provider.DisposeAsync();
    }

    protected static PredictSeries Request(string modelType = "ct-lesion-classifier", string seriesId = "backend-1", bool predictAgain = false) => new()
    {
        CorrelationId = SeriesCorrelation.For(Organization, "1.2.3", "1.2.3.4", modelType),
        RequestId = NewId.NextGuid(),
        SeriesId = seriesId,
        Organization = Organization,
        StudyInstanceUid = "1.2.3",
        SeriesInstanceUid = "1.2.3.4",
        ModelType = modelType,
        PredictAgain = predictAgain,
        ArchiveKey = "archives/a.zip",
        SubmittedAt = DateTimeOffset.UtcNow,
    };

    /// <summary>
    /// Waits until the saga is in the given state (polled with the harness' deadline: the harness' own Exists(id, state)
    /// can hold on for its whole timeout while a consumer is still busy) and has sent the expected number of callbacks.
    /// </summary>
    protected async Task<SeriesState> ReachesAsync(Guid id, Func<SeriesStateMachine, State> state, int callbacks = 1)
    {
        var name = state(Saga.StateMachine).Name;
        var deadline = DateTime.UtcNow + Harness.TestTimeout;
        while (DateTime.UtcNow < deadline && Saga.Sagas.Contains(id)?.CurrentState != name)
        {
            await Task.Delay(10);
        }

        Assert.That(Saga.Sagas.Contains(id)?.CurrentState, Is.EqualTo(name), $"the saga did not reach {name}");
        for (var i = 0; i < 100 && Callbacks().Count < callbacks; i++)
        {
            await Task.Delay(20);
        }

        return Saga.Sagas.Contains(id)!;
    }

    protected static RerunSeries Rerun(Guid id) =>
        new() { CorrelationId = id, RequestedByOrganization = "operators", RequestedByClient = "ops-key", Reason = "ticket 42", RequestedAt = DateTimeOffset.UtcNow };

    protected static CancelSeries Cancel(Guid id) =>
        new() { CorrelationId = id, RequestedByOrganization = "operators", RequestedByClient = "ops-key", Reason = "ticket 43", RequestedAt = DateTimeOffset.UtcNow };

    /// <summary>Publishes an operator's command and waits until the saga consumed it.</summary>
    protected async Task ActAsync<T>(T command)
        where T : class
    {
        await Harness.Bus.Publish(command);
        // Polled: the harness' Any<T>() gives up as soon as the bus looks idle, which can be before the command is delivered.
        for (var i = 0; i < 250 && !Saga.Consumed.Select<T>().Any(); i++)
        {
            await Task.Delay(20);
        }

        Assert.That(Saga.Consumed.Select<T>().Any(), Is.True, $"the saga did not consume {typeof(T).Name}");
    }

    /// <summary>
    /// The callbacks published so far. The harness' plain Select waits for the bus to go idle, which never happens while
    /// a test holds a fake worker (up to the whole test timeout); with a cancelled token it lists what is there now.
    /// </summary>
    protected List<SendSeriesStatusCallback> Callbacks() =>
        [.. Harness.Published.Select<SendSeriesStatusCallback>(new CancellationToken(canceled: true)).Select(m => m.Context.Message)];

    /// <summary>How many were published once the bus went idle (for "exactly" and "none" assertions).</summary>
    protected int Published<T>()
        where T : class => Harness.Published.Select<T>().Count();

    /// <summary>How many were published so far, without waiting for the bus to go idle (to poll while a fake worker is held).</summary>
    protected int PublishedSoFar<T>()
        where T : class => Harness.Published.Select<T>(new CancellationToken(canceled: true)).Count();
}
