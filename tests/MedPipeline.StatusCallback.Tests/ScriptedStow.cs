using MedPipeline.StatusCallback.DicomOutput;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.StatusCallback.Tests;

/// <summary>A <see cref="StowClient"/> built as the service builds it (resilience handler included), talking to a given handler.</summary>
internal static class ScriptedStow
{
    public static StowClient Create(HttpMessageHandler pacs, DicomResultsOptions options)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddStowClient().ConfigurePrimaryHttpMessageHandler(() => pacs);
        return services.BuildServiceProvider().GetRequiredService<StowClient>();
    }
}
