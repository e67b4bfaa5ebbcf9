using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MedPipeline.Gateway.DicomWeb;

/// <summary>The STOW-RS intake's parts; needs the series pipeline (store, organizations, bus).</summary>
public static class DicomWebServices
{
    public static IServiceCollection AddDicomWeb(this IServiceCollection services)
    {
        services.AddOptions<DicomWebOptions>().BindConfiguration(DicomWebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PendingSeriesStore>();
        services.AddSingleton<StowInstanceReceiver>();
        services.AddSingleton<StowRequestReader>();
        services.AddSingleton<DicomWebSeriesRouter>();
        services.AddSingleton<DicomWebSeriesCloser>();
        services.AddHostedService<DicomWebQuietPeriodSweep>();
        return services;
    }
}
