namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// How a delivery ended. <see cref="Retryable"/> is true when the backend could not be reached or
/// kept answering 5xx/408/429, so a later delivery may succeed; false when it refused (other 4xx).
/// </summary>
public sealed record CallbackOutcome(bool Delivered, int? StatusCode, int Attempts, string? Error, bool Retryable)
{
    public static CallbackOutcome Success(int statusCode, int attempts) => new(true, statusCode, attempts, null, false);
}
