using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>How an <see cref="OutboundHttpClient"/> retries: attempts in all, the backoff's bounds and each attempt's timeout.</summary>
public sealed record OutboundRetry(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay, TimeSpan AttemptTimeout, bool HonourRetryAfter = false);

/// <summary>
/// The HttpClient of a request to a hospital's own system (its backend, its PACS): a primary handler that never follows
/// redirects (a request goes to the configured address and nowhere else), none of the factory's handlers that log each
/// request's URL (a URL can name a series; the senders log their own lines by correlation id), no HttpClient timeout for
/// the whole delivery, and a resilience handler: each attempt under its own timeout, retries with exponential backoff and
/// jitter on network errors, timeouts, 5xx, 408 and 429 (Microsoft.Extensions.Http.Resilience's transient outcomes),
/// optionally as long as Retry-After says, up to the longest delay. Any other answer is final.
/// </summary>
internal static class OutboundHttpClient
{
    public static IHttpClientBuilder AddOutboundHttpClient<TClient>(this IServiceCollection services, string pipelineName,
        Func<IServiceProvider, OutboundRetry> retry)
        where TClient : class
    {
        var client = services.AddHttpClient<TClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false })
            .RemoveAllLoggers();
        client.AddResilienceHandler(pipelineName, (pipeline, context) =>
        {
            var settings = retry(context.ServiceProvider);
            var strategy = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.FirstRetryDelay,
                MaxDelay = settings.MaxRetryDelay,
            };
            if (settings.HonourRetryAfter)
            {
                strategy.DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterDelay.Of(response, settings.MaxRetryDelay) : null);
            }

            pipeline.AddRetry(strategy).AddTimeout(settings.AttemptTimeout);
        });
        client.AddHttpMessageHandler(() => new CallbackAttempts());
        return client;
    }
}
