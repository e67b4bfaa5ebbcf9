using System.Net.Http.Headers;
using System.Net.Http.Json;
using MedPipeline.Organizations;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// PUTs a series outcome to <c>{backend}/api/studies/series/{seriesId}/status</c> of the configured
/// organization and says how it went. Retries, backoff and timeouts are its HttpClient's resilience
/// handler (<see cref="CallbackDeliveryServices.AddCallbackSender"/>).
/// </summary>
public sealed partial class CallbackSender(HttpClient http, OrganizationDirectory organizations, ILogger<CallbackSender> logger)
{
    /// <summary>The header of the IETF draft "The Idempotency-Key HTTP Header Field".</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public async Task<CallbackOutcome> SendAsync(string organization, string seriesId, CallbackBody body, Guid correlationId, Guid callbackId, CancellationToken cancellationToken)
    {
        if (!organizations.TryGet(organization, out var settings))
        {
            CallbackMetrics.Count("unknown", CallbackMetrics.Unconfigured);
            return new CallbackOutcome(false, null, 0, $"organization '{organization}' is not configured", Retryable: false);
        }

        using var request = new HttpRequestMessage(HttpMethod.Put, organizations.CallbackUriFor(organization, seriesId)) { Content = JsonContent.Create(body) };
        if (settings.CallbackBearerToken is { Length: > 0 } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (callbackId != Guid.Empty)
        {
            // The same key on every try of this callback (resilience retries and redeliveries alike): a backend that
            // keeps the keys it has seen can drop the rare repeat we cannot rule out (a crash right after its answer).
            request.Headers.Add(IdempotencyKeyHeader, callbackId.ToString("D"));
        }

        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var attempts = CallbackAttempts.Of(request);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                LogDelivered(correlationId, body.Status, status, attempts);
                CallbackMetrics.Count(organization, CallbackMetrics.Delivered);
                return CallbackOutcome.Success(status, attempts);
            }

            var retryable = HttpClientResiliencePredicates.IsTransient(Outcome.FromResult(response));
            LogRefused(correlationId, status, attempts, retryable);
            CallbackMetrics.Count(organization, CallbackMetrics.Refused);
            return new CallbackOutcome(false, status, attempts, $"backend answered {status} {response.ReasonPhrase}", retryable);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException)
        {
            var attempts = CallbackAttempts.Of(request);
            LogUnreachable(correlationId, attempts, e.Message);
            CallbackMetrics.Count(organization, CallbackMetrics.Unreachable);
            return new CallbackOutcome(false, null, attempts, $"backend unreachable: {UnreachableReason.Of(e)}", Retryable: true);
        }
    }

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "Callback for series {CorrelationId} delivered ({Status}): HTTP {StatusCode} after {Attempts} attempt(s)")]
    private partial void LogDelivered(Guid correlationId, string status, int statusCode, int attempts);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Warning, Message = "Callback for series {CorrelationId} refused: HTTP {StatusCode} after {Attempts} attempt(s); retryable {Retryable}")]
    private partial void LogRefused(Guid correlationId, int statusCode, int attempts, bool retryable);

    [LoggerMessage(EventId = 6008, Level = LogLevel.Warning, Message = "Callback for series {CorrelationId}: backend unreachable after {Attempts} attempt(s): {Error}")]
    private partial void LogUnreachable(Guid correlationId, int attempts, string error);
}
