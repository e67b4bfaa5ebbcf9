using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Inference.Heatmaps;

public static class HeatmapServices
{
    /// <summary>
    /// Series heatmaps: the source reader and the maker, with default options; the host binds the options to configuration
    /// and registers the codec processes compressed sources need.
    /// </summary>
    public static IServiceCollection AddSeriesHeatmaps(this IServiceCollection services)
    {
        services.AddOptions<Options.HeatmapOptions>();
        return services.AddSingleton<SourceFrameReader>().AddSingleton<SeriesHeatmaps>();
    }
}
