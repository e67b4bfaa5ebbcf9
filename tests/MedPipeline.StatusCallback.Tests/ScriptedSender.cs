using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>A <see cref="CallbackSender"/> built as the service builds it (resilience handler included), talking to a given handler.</summary>
internal static class ScriptedSender
{
    public static CallbackSender Create(HttpMessageHandler? backend, IReadOnlyDictionary<string, OrganizationOptions> organizations, CallbackDeliveryOptions options,
        ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            if (logs is not null)
            {
                logging.AddProvider(logs);
            }
        });
        services.AddSingleton(new OrganizationDirectory(Microsoft.Extensions.Options.Options.Create(new Dictionary<string, OrganizationOptions>(organizations))));
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        var client = services.AddCallbackSender();
        if (backend is not null)
        {
            client.ConfigurePrimaryHttpMessageHandler(() => backend);
        }

        return services.BuildServiceProvider().GetRequiredService<CallbackSender>();
    }
}
