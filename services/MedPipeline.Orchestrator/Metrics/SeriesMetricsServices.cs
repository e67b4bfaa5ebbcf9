namespace MedPipeline.Orchestrator.Metrics;

public static class SeriesMetricsServices
{
    /// <summary>The <see cref="SeriesGauges"/> (with their query and validated <see cref="SeriesMetricsOptions"/>).</summary>
    public static IServiceCollection AddSeriesMetrics(this IServiceCollection services)
    {
        services.AddOptions<SeriesMetricsOptions>().BindConfiguration(SeriesMetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddSingleton<SeriesCountsQuery>();
        services.AddSingleton<SeriesGauges>();
        services.AddHostedService(sp => sp.GetRequiredService<SeriesGauges>());
        return services;
    }
}
