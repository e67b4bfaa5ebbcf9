using MedPipeline.Dicom;
using MedPipeline.Dicom.Codecs;
using MedPipeline.Inference.Options;
using Microsoft.Extensions.Options;

namespace MedPipeline.Inference.Heatmaps;

public static class HeatmapServices
{
    /// <summary>Series heatmaps: validated options, the codec processes for compressed sources (started on first use), the maker.</summary>
    public static IServiceCollection AddSeriesHeatmaps(this IServiceCollection services)
    {
        services.AddOptions<HeatmapOptions>().BindConfiguration(HeatmapOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CodecPoolOptions>().BindConfiguration(CodecPoolOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ICompressedFrameDecoder>(provider => new CodecProcessPool(provider.GetRequiredService<IOptions<CodecPoolOptions>>().Value));
        return services.AddSingleton<SourceFrameReader>().AddSingleton<SeriesHeatmaps>();
    }
}
