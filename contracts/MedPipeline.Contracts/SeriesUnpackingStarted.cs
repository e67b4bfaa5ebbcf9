namespace MedPipeline.Contracts;

/// <summary>An Unpacker took the archive: the series moves from Received (queued) to Unpacking.</summary>
public sealed record SeriesUnpackingStarted
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }
}
