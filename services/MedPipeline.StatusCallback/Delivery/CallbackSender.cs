using System.Net.Http.Headers;
using System.Net.Http.Json;
using MedPipeline.Organizations;
using MedPipeline.StatusCallback.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// PUTs a series outcome to <c>{backend}/api/studies/series/{seriesId}/status</c> of the configured
/// organization, retrying network errors, timeouts, 5xx, 408 and 429 with exponential backoff and
/// jitter (honouring Retry-After), and giving up at once on any other 4xx.
/// </summary>
public sealed partial class CallbackSender
{
    private readonly HttpClient _http;
    private readonly OrganizationDirectory _organizations;
    private readonly ILogger<CallbackSender> _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    public CallbackSender(HttpClient http, OrganizationDirectory organizations, IOptions<CallbackDeliveryOptions> options, ILogger<CallbackSender> logger)
    {
        _http = http;
        _organizations = organizations;
        _logger = logger;
        _pipeline = BuildPipeline(options.Value);
    }

    public async Task<CallbackOutcome> SendAsync(string organization, string seriesId, CallbackBody body, Guid correlationId, CancellationToken cancellationToken)
    {
        if (!_organizations.TryGet(organization, out var settings))
        {
            return new CallbackOutcome(false, null, 0, $"organization '{organization}' is not configured", Retryable: false);
        }

        var uri = _organizations.CallbackUriFor(organization, seriesId);
        var attempts = 0;
        try
        {
            using var response = await _pipeline.ExecuteAsync(async token =>
            {
                attempts++;
                using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
                if (settings.CallbackBearerToken is { Length: > 0 } bearer)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
                }

                return await _http.SendAsync(request, token);
            }, cancellationToken);

            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                LogDelivered(correlationId, body.Status, status, attempts);
                return CallbackOutcome.Success(status, attempts);
            }

            var retryable = RetryableResponse.Is(response.StatusCode);
            LogRefused(correlationId, status, attempts, retryable);
            return new CallbackOutcome(false, status, attempts, $"backend answered {status} {response.ReasonPhrase}", retryable);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            LogUnreachable(correlationId, attempts, e.Message);
            return new CallbackOutcome(false, null, attempts, $"backend unreachable: {e.Message}", Retryable: true);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> BuildPipeline(CallbackDeliveryOptions options) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<TimeoutRejectedException>()
                    .HandleResult(r => RetryableResponse.Is(r.StatusCode)),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryableResponse.RetryAfter(response, options.MaxRetryDelay) : null),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback for series {CorrelationId} delivered ({Status}): HTTP {StatusCode} after {Attempts} attempt(s)")]
    private partial void LogDelivered(Guid correlationId, string status, int statusCode, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback for series {CorrelationId} refused: HTTP {StatusCode} after {Attempts} attempt(s); retryable {Retryable}")]
    private partial void LogRefused(Guid correlationId, int statusCode, int attempts, bool retryable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback for series {CorrelationId}: backend unreachable after {Attempts} attempt(s): {Error}")]
    private partial void LogUnreachable(Guid correlationId, int attempts, string error);
}
