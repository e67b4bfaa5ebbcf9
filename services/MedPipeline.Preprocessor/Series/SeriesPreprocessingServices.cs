using MedPipeline.Preprocessor.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPipeline.Preprocessor.Series;

public static class SeriesPreprocessingServices
{
    /// <summary>The classes the Preprocessor's consumer delegates to (the store and the model manifests are registered by the host).</summary>
    /// <remarks>The series budget has its defaults here; the host binds it to configuration.</remarks>
    public static IServiceCollection AddSeriesPreprocessing(this IServiceCollection services)
    {
        services.AddOptions<SeriesLimitsOptions>();
        services.TryAddSingleton(TimeProvider.System);
        return services
            .AddSingleton<SeriesImages>()
            .AddSingleton<IndexedFrameDecoder>()
            .AddSingleton<SeriesTensorBuilder>();
    }
}
