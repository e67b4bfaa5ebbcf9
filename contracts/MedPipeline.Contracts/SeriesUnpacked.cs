namespace MedPipeline.Contracts;

/// <summary>The archive was unpacked; what it holds.</summary>
public sealed record SeriesUnpacked
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    /// <summary>Store prefix of the unpacked instances.</summary>
    public string InstancesKey { get; init; } = "";

    public string? Modality { get; init; }

    public IReadOnlyList<string> SopClassUids { get; init; } = [];

    public int InstanceCount { get; init; }

    public int ImageInstanceCount { get; init; }

    /// <summary>Bytes of the unpacked instances; null from producers older than this member.</summary>
    public long? TotalBytes { get; init; }

    /// <summary>
    /// Store key of the instance index (per image: order, key, header attributes, where the pixel data lies),
    /// so the Preprocessor does not parse the headers again; null from producers older than this member.
    /// </summary>
    public string? InstanceIndexKey { get; init; }

    /// <summary>When the Unpacker took the archive (the answer may overtake its "started" note); null from older producers.</summary>
    public DateTimeOffset? StartedAt { get; init; }
}
