namespace MedPipeline.Contracts;

/// <summary>PUT the outcome to the organization's backend for one backend series id.</summary>
public sealed record SendSeriesStatusCallback
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

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
