using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Preprocessor.Series;

public static class SeriesPreprocessingServices
{
    /// <summary>The classes the Preprocessor's consumer delegates to (the store and the model manifests are registered by the host).</summary>
    public static IServiceCollection AddSeriesPreprocessing(this IServiceCollection services) => services
        .AddSingleton<SeriesImages>()
        .AddSingleton<IndexedFrameDecoder>()
        .AddSingleton<SeriesTensorBuilder>();
}
