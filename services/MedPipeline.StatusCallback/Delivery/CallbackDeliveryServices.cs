using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace MedPipeline.StatusCallback.Delivery;

public static class CallbackDeliveryServices
{
    /// <summary>
    /// The <see cref="CallbackSender"/>'s HttpClient: a primary handler that never follows redirects (a
    /// callback goes to the configured backend and nowhere else), and a resilience handler from
    /// <see cref="CallbackDeliveryOptions"/>: per-attempt timeout; retries with exponential backoff and jitter on
    /// network errors, timeouts, 5xx, 408 and 429 (Microsoft.Extensions.Http.Resilience's transient outcomes),
    /// honouring Retry-After up to MaxRetryDelay; any other answer is final.
    /// </summary>
    public static IHttpClientBuilder AddCallbackSender(this IServiceCollection services)
    {
        // Timeouts are the pipeline's (per attempt), not HttpClient's default 100 s for the whole delivery.
        // The factory's own handlers log each request's URL at Information, and a callback URL names the
        // backend's series id: the sender logs its own lines (by correlation id) instead.
        var client = services.AddHttpClient<CallbackSender>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        client.AddResilienceHandler("callback-delivery", static (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<CallbackDeliveryOptions>>().Value;
            pipeline
                .AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.FirstRetryDelay,
                    MaxDelay = options.MaxRetryDelay,
                    DelayGenerator = args => ValueTask.FromResult(
                        args.Outcome.Result is { } response ? RetryAfterDelay.Of(response, options.MaxRetryDelay) : null),
                })
                .AddTimeout(options.AttemptTimeout);
        });
        client.AddHttpMessageHandler(() => new CallbackAttempts());
        return client;
    }
}
