using MassTransit;
using MedPipeline.Hosting.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting.Tests;

/// <summary>Hosts with the MedPipeline defaults and MassTransit's in-memory test harness instead of RabbitMQ.</summary>
internal static class TestHosts
{
    public static HostApplicationBuilder Builder(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddMedPipelineDefaults("medpipeline-test");
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("MassTransit", LogLevel.Warning);
        return builder;
    }

    public static HostApplicationBuilder WithHarness(this HostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            configure(x);
            x.UsingInMemory((context, cfg) => cfg.ConfigureMedPipelineBus(context));
        });
        return builder;
    }
}
