using MassTransit;
using MedPipeline.Hosting.Health;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedPipeline.Hosting.Messaging;

public static class MedPipelineMassTransitExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from the "RabbitMq" section (validated at start): kebab-case endpoint
    /// names, <see cref="MedPipelineBusDefaults.ConfigureMedPipelineBus"/>, no usage telemetry, the bus health
    /// check tagged "ready" and the <see cref="BusConnectionWatchdog"/> (tagged "live"). <paramref name="configure"/> registers the service's consumers, sagas and definitions.
    /// With <paramref name="readyOnlyWhileBrokerAnswers"/> (services that consume) readiness also needs the broker's port to
    /// accept connections: MassTransit's bus check can stay Healthy for seconds after the broker went away.
    /// The gateway only publishes and keeps answering single images without the broker, so it opts out.
    /// </summary>
    public static IHostApplicationBuilder AddMedPipelineMassTransit(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure,
        bool readyOnlyWhileBrokerAnswers = true)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // A host that has started can publish and its queues are bound: nothing sent in between is dropped
        // by an exchange without bindings, and a broker that is not there fails the start instead of hanging.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            // Within the host's own shutdown grace: a consumer that cannot finish in time is cancelled and its message redelivered.
            o.StopTimeout = ShutdownGrace.Bus;
            o.ConsumerStopTimeout = ShutdownGrace.Consumers;
        });
        builder.Services.AddMassTransit(x =>
        {
            // On by default, it posts a usage report to an outside host (usage-tracking.masstransit.io) a few
            // minutes after start: a hospital network must see no such call. MassTransit's tracker lets the
            // MASSTRANSIT_USAGE_TELEMETRY variable override the option, so this process sets it off as well.
            x.DisableUsageTelemetry();
            Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "false");
            x.SetKebabCaseEndpointNameFormatter();
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "masstransit-bus";
                h.Tags.Add(HealthTags.Ready);
            });
            configure(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.UseMedPipelineBroker(context);
                cfg.ConfigureMedPipelineBus(context);
            });
        });
        // After MassTransit's own hosted service, so the watchdog starts watching a bus that has started.
        builder.Services.AddSingleton<IBrokerProbe, RabbitMqTcpProbe>();
        if (readyOnlyWhileBrokerAnswers)
        {
            builder.Services.AddHealthChecks().AddCheck<BrokerReachableHealthCheck>("rabbitmq-reachable", tags: [HealthTags.Ready]);
        }

        builder.Services.AddMedPipelineBusWatchdog();
        return builder;
    }

    /// <summary>The <see cref="BusConnectionWatchdog"/>, its options and its liveness check (for any transport).</summary>
    internal static void AddMedPipelineBusWatchdog(this IServiceCollection services)
    {
        services.AddOptions<BusWatchdogOptions>().BindConfiguration(BusWatchdogOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BusConnectionWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<BusConnectionWatchdog>());
        services.AddHealthChecks().AddCheck<BusWatchdogHealthCheck>("masstransit-bus-watchdog", tags: [HealthTags.Live]);
    }
}
