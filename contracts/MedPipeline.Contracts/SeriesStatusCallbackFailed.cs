namespace MedPipeline.Contracts;

/// <summary>A callback did not reach the backend; when retryable, the saga schedules a redelivery for the current attempt.</summary>
public sealed record SeriesStatusCallbackFailed
{
    public Guid CorrelationId { get; init; }

    public string SeriesId { get; init; } = "";

    public string Reason { get; init; } = "";

    public int Attempts { get; init; }

    public bool Retryable { get; init; }

    /// <summary>The attempt whose outcome was called back (from <see cref="SendSeriesStatusCallback.AttemptId"/>); null from senders older than this member.</summary>
    public Guid? AttemptId { get; init; }
}
