using MedPipeline.Inference.Heatmaps;
using MedPipeline.ModelRunner;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Inference.Series;

public static class SeriesInferenceServices
{
    /// <summary>The inference core and the stored-tensor runner the consumer delegates to (store and registry are registered by the host).</summary>
    public static IServiceCollection AddSeriesInference(this IServiceCollection services) => services
        // The consumer's concurrency limit already bounds the runs; the gate only keeps a burst off the cores.
        .AddSingleton(new BatchInference(maxConcurrentRunsPerModel: Math.Max(1, Environment.ProcessorCount)))
        .AddSingleton<StoredTensorInference>()
        .AddSeriesHeatmaps();
}
