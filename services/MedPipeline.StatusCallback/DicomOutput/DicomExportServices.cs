using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MedPipeline.StatusCallback.DicomOutput;

public static class DicomExportServices
{
    /// <summary>The DICOM results: options, the maker and the <see cref="StowClient"/>.</summary>
    public static IServiceCollection AddDicomResults(this IServiceCollection services)
    {
        services.AddOptions<DicomResultsOptions>().BindConfiguration(DicomResultsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DicomResultsMaker>();
        services.AddStowClient();
        return services;
    }

    /// <summary>
    /// The <see cref="StowClient"/>'s HttpClient (see <see cref="OutboundHttpClient"/>: results go to the configured PACS
    /// only), retrying as <see cref="DicomResultsOptions"/> say.
    /// </summary>
    public static IHttpClientBuilder AddStowClient(this IServiceCollection services) =>
        services.AddOutboundHttpClient<StowClient>("dicom-export", provider =>
        {
            var options = provider.GetRequiredService<IOptions<DicomResultsOptions>>().Value;
            return new OutboundRetry(options.MaxAttempts, options.FirstRetryDelay, options.MaxRetryDelay, options.AttemptTimeout);
        });
}
