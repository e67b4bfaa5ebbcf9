using MassTransit;
using MedPipeline.Orchestrator.Options;
using MedPipeline.Orchestrator.Saga;
using MedPipeline.Orchestrator.Validation;
using MedPipeline.Persistence;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Orchestrator.Tests.Database;

/// <summary>
/// The orchestrator as the product wires its saga (definition, Npgsql repository, inbox/outbox,
/// migrations, status read model) on a database of its own, over the in-memory transport and without
/// workers: the test plays the workers by publishing their answers.
/// </summary>
public sealed class OrchestratorOnDatabase : IAsyncDisposable
{
    private readonly IHost _host;

    private OrchestratorOnDatabase(IHost host, string connectionString, RecordedLogLines audit)
    {
        _host = host;
        Rows = new SeriesRows(connectionString);
        Audit = audit;
    }

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public SeriesRows Rows { get; }

    /// <summary>What the orchestrator wrote to the audit log category.</summary>
    public RecordedLogLines Audit { get; }

    public static async Task<OrchestratorOnDatabase> StartAsync(string prefix)
    {
        // As the orchestrator's own database role, as deployed (it owns what it creates; no superuser).
        var connectionString = (await (await TestServices.PostgresAsync()).CreatePipelineDatabaseAsync(prefix)).Orchestrator;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:Orchestrator"] = connectionString;
        builder.Configuration["Organizations:st-olaf:CallbackBaseUrl"] = "http://127.0.0.1:9/st-olaf/";
        builder.Configuration["Organizations:other-hospital:CallbackBaseUrl"] = "http://127.0.0.1:9/other-hospital/";
        var audit = new RecordedLogLines(PredictSeriesAudit.Category);
        builder.Logging.AddProvider(audit);
        builder.Services.AddSingleton<IModelSupport, FakeModels>();
        builder.Services.AddSingleton<IDicomOutput, OrganizationDicomOutput>();
        builder.Services.AddPredictSeriesValidation();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<StageTimeouts>(_ => { });
        builder.Services.Configure<CallbackRetry>(_ => { });
        builder.Services.Configure<SeriesDataCleanup>(_ => { });
        builder.Services.AddMedPipelinePersistence(o => o.RelayPollInterval = TimeSpan.FromMilliseconds(200));
        builder.Services.AddMassTransit(x =>
        {
            x.AddSagaStateMachine<SeriesStateMachine, SeriesState>(typeof(SeriesStateDefinition)).NpgsqlRepository(SeriesStateTable.Map);
            x.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });

        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        return new OrchestratorOnDatabase(host, connectionString, audit);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
