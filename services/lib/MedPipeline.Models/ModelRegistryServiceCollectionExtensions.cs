using MedPipeline.Onnx;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.Models;

public static class ModelRegistryServiceCollectionExtensions
{
    /// <summary>Binds and validates "Models" at start and registers the registry, loaded once on first use.</summary>
    public static IServiceCollection AddModelRegistry(this IServiceCollection services)
    {
        services.AddOptions<ModelRegistryOptions>().BindConfiguration(ModelRegistryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value;
            return ModelRegistry.Load(options.Path, new SessionSettings { IntraOpThreads = options.IntraOpThreads, AllowSpinning = options.AllowSpinning });
        });
        return services;
    }

    /// <summary>Binds and validates "Models" at start and registers the manifests only (no ONNX sessions).</summary>
    public static IServiceCollection AddModelManifests(this IServiceCollection services)
    {
        services.AddOptions<ModelRegistryOptions>().BindConfiguration(ModelRegistryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => ModelManifests.Read(provider.GetRequiredService<IOptions<ModelRegistryOptions>>().Value.Path));
        return services;
    }
}
