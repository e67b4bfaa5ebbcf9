using MassTransit;
using MedPipeline.Persistence.Tests.Probe;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Persistence.Tests;

/// <summary>One orchestrator process as the product wires it: persistence, the probe saga on RabbitMQ, a recording consumer.</summary>
public sealed class ProbeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ProbeHost(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<ProbeHost> StartAsync(ProbeEnvironment environment, DeliveryLog log, bool runRelay = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration["ConnectionStrings:Orchestrator"] = environment.ConnectionString;
        builder.Services.AddSingleton(log);
        builder.Services.AddSingleton(TestLogging.Factory);
        builder.Services.AddMedPipelinePersistence(o =>
        {
            o.RunRelay = runRelay;
            o.RelayPollInterval = TimeSpan.FromMilliseconds(200);
            o.SweepInterval = TimeSpan.FromMilliseconds(100);
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        builder.Services.AddMassTransit(x =>
        {
            x.AddSagaStateMachine<ProbeSagaMachine, ProbeSaga, ProbeSagaDefinition>().NpgsqlRepository(ProbeSagaTable.Map);
            x.AddConsumer<RecordingConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(environment.AmqpUri);
                cfg.ConfigureEndpoints(context);
            });
        });

        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        return new ProbeHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
