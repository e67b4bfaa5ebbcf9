using MedPipeline.StatusCallback.Delivery;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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
    /// The <see cref="StowClient"/>'s HttpClient (no redirects: results go to the
    /// configured PACS only; no URL logging) with bounded retries: exponential backoff with jitter on network errors,
    /// timeouts, 5xx, 408 and 429, up to MaxAttempts, each attempt under AttemptTimeout.
    /// </summary>
    public static IHttpClientBuilder AddStowClient(this IServiceCollection services)
    {
        var client = services.AddHttpClient<StowClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        client.AddResilienceHandler("dicom-export", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<DicomResultsOptions>>().Value;
            pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.FirstRetryDelay,
                    MaxDelay = options.MaxRetryDelay,
                })
                .AddTimeout(options.AttemptTimeout);
        });
        client.AddHttpMessageHandler(() => new CallbackAttempts());
        return client;
    }
}
