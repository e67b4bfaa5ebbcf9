namespace MedPipeline.Contracts;

/// <summary>
/// How far the Preprocessor is with a series: instances done of the total. Published at most every few hundred
/// milliseconds per series (and once when all are done), for live progress only: nothing depends on receiving it.
/// </summary>
public sealed record SeriesPreprocessingProgressed
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    /// <summary>Image instances read and prepared so far.</summary>
    public int Done { get; init; }

    /// <summary>Image instances the series has.</summary>
    public int Total { get; init; }
}
