using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Storage;

public static class StoreServiceCollectionExtensions
{
    /// <summary>Binds <see cref="StoreOptions"/> from "Store", validates it at start, and registers the file-system store.</summary>
    public static IServiceCollection AddSeriesStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ISeriesStore, FileSystemStore>();
        return services;
    }
}
