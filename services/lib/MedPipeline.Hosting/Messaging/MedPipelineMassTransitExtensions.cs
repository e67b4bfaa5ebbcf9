using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedPipeline.Hosting.Messaging;

public static class MedPipelineMassTransitExtensions
{
    /// <summary>
    /// MassTransit over RabbitMQ from the "RabbitMq" section (validated at start): kebab-case endpoint
    /// names, <see cref="MedPipelineBusDefaults.ConfigureMedPipelineBus"/>, and the bus health check
    /// tagged "ready". <paramref name="configure"/> registers the service's consumers, sagas and definitions.
    /// </summary>
    public static IHostApplicationBuilder AddMedPipelineMassTransit(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddValidatedOptions<RabbitMqOptions>(RabbitMqOptions.Section);

        // A host that has started can publish and its queues are bound: nothing sent in between is dropped
        // by an exchange without bindings, and a broker that is not there fails the start instead of hanging.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddMassTransit(x =>
        {
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
        return builder;
    }
}
