namespace MedPipeline.Contracts;

/// <summary>Asks for a prediction on one series; published by the gateway or by a backend directly.</summary>
public sealed record PredictSeries
{
    /// <summary><see cref="SeriesCorrelation.For"/> of organization, study, series and model type.</summary>
    public Guid CorrelationId { get; init; }

    public Guid RequestId { get; init; }

    /// <summary>The backend's own id of the series, used in the callback path.</summary>
    public string SeriesId { get; init; } = "";

    public string Organization { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    public string ModelType { get; init; } = "";

    public bool PredictAgain { get; init; }

    /// <summary>Key of the series ZIP in the shared store.</summary>
    public string ArchiveKey { get; init; } = "";

    public DateTimeOffset SubmittedAt { get; init; }
}
