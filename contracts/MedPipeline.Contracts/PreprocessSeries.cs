namespace MedPipeline.Contracts;

/// <summary>Decode and preprocess the unpacked instances for the model; tensors go to the store.</summary>
public sealed record PreprocessSeries
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public string InstancesKey { get; init; } = "";

    public string ModelType { get; init; } = "";

    /// <summary>
    /// Store key of the Unpacker's instance index (see <see cref="SeriesUnpacked.InstanceIndexKey"/>); when null the
    /// Preprocessor looks for the index where the store layout keeps it, and parses the headers when there is none.
    /// </summary>
    public string? InstanceIndexKey { get; init; }

    /// <summary>
    /// The series' upload: the only object besides the instances that the index may name, for images the Unpacker left
    /// in place inside it (stored, uncompressed entries). Null from an older saga: then every image must be an extracted file.
    /// </summary>
    public string? ArchiveKey { get; init; }
}
