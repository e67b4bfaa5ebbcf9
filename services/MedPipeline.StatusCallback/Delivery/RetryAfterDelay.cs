namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// The delay a backend asked for with Retry-After, capped by our own maximum: a hospital answering
/// "Retry-After: 3600" must not hold a delivery (and its consumer slot) for an hour.
/// </summary>
internal static class RetryAfterDelay
{
    public static TimeSpan? Of(HttpResponseMessage response, TimeSpan cap)
    {
        var header = response.Headers.RetryAfter;
        var delay = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is { } d ? TimeSpan.FromTicks(Math.Clamp(d.Ticks, 0, cap.Ticks)) : null;
    }
}
