namespace MedPipeline.Contracts;

/// <summary>What became of a <see cref="BuildDicomResults"/>: the objects made and each export, or why none were made.</summary>
public sealed record DicomResultsBuilt
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public DicomResults Results { get; init; } = new();
}
