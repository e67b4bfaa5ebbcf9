namespace MedPipeline.Contracts;

/// <summary>A callback reached the backend; the saga records it on the series unless its attempt was superseded.</summary>
public sealed record SeriesStatusCallbackDelivered
{
    public Guid CorrelationId { get; init; }

    public string SeriesId { get; init; } = "";

    public int StatusCode { get; init; }

    public int Attempts { get; init; }

    /// <summary>The attempt whose outcome was called back (from <see cref="SendSeriesStatusCallback.AttemptId"/>); null from senders older than this member.</summary>
    public Guid? AttemptId { get; init; }
}
