namespace MedPipeline.Contracts;

/// <summary>Unpack the series ZIP into the store and say what it holds.</summary>
public sealed record UnpackSeriesArchive
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string ArchiveKey { get; init; } = "";

    public string StudyInstanceUid { get; init; } = "";

    public string SeriesInstanceUid { get; init; } = "";

    public string ModelType { get; init; } = "";
}
