using System.Net;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>Which answers are worth another try: server errors, 408 and 429. Any other 4xx is final.</summary>
internal static class RetryableResponse
{
    public static bool Is(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    /// <summary>The server's Retry-After, when it gave one, capped by our own maximum.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeSpan cap)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, cap.Ticks)) : null;
    }
}
