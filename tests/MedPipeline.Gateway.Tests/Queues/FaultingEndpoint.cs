using MassTransit;
using MedPipeline.Hosting.Messaging;
using MedPipeline.LocalStack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>
/// A receive endpoint declared as the pipeline's are (quorum queue, delivery limit, <c>_dead-letter</c>: PoisonMessageLimit)
/// whose consumer throws, so the commands sent to it end in MassTransit's real <c>{queue}_error</c> with its fault headers.
/// </summary>
internal sealed class FaultingEndpoint : IAsyncDisposable
{
    private readonly IHost _host;

    private FaultingEndpoint(IHost host, string queue)
    {
        _host = host;
        Queue = queue;
    }

    public string Queue { get; }

    public ProbeOutcome Outcome => _host.Services.GetRequiredService<ProbeOutcome>();

    public static async Task<FaultingEndpoint> StartAsync(RabbitMqEndpoint broker, string queue)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        var services = builder.Services;
        services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        services.AddSingleton<ProbeOutcome>();
        services.AddOptions<RabbitMqOptions>().Configure(o => o.Uri = broker.AmqpUri());
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<ProbeConsumer>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Uri!);
                rabbit.ReceiveEndpoint(queue, endpoint =>
                {
                    endpoint.UseQuorumQueueWithDeadLetterOnRabbitMq(context);
                    endpoint.ConfigureConsumer<ProbeConsumer>(context);
                });
            });
        });
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return new FaultingEndpoint(host, queue);
    }

    public async Task SendAsync(QueueProbeCommand command)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var sender = await _host.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{Queue}"));
        await sender.Send(command, context => context.CorrelationId = command.CorrelationId, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
