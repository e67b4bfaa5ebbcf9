namespace MedPipeline.Contracts;

/// <summary>PUT the outcome to the organization's backend for one backend series id.</summary>
public sealed record SendSeriesStatusCallback
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    /// <summary>
    /// One id per callback the saga decides to send (a redelivery of the same message keeps it): the worker sends it as
    /// the Idempotency-Key header and does not PUT a callback again once it has a receipt for it. Empty from older senders.
    /// </summary>
    public Guid CallbackId { get; init; }

    public string Organization { get; init; } = "";

    public string SeriesId { get; init; } = "";

    public string ModelType { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    /// <summary>One of <see cref="SeriesStatus"/>.</summary>
    public string Status { get; init; } = "";

    public string? Reason { get; init; }

    public SeriesPrediction? Prediction { get; init; }
}
