namespace MedPipeline.Gateway.Admin;

/// <summary>
/// A validated listing request: states (PascalCase saga states, any of), organizations (null: every one),
/// model type, last change before/after, stuck only, page size, and the position after which the page starts.
/// </summary>
public sealed record AdminSeriesQuery
{
    public string[] States { get; init; } = [];

    /// <summary>The organizations the caller may see and asked for; null for a global operator asking for all.</summary>
    public string[]? Organizations { get; init; }

    public string? ModelType { get; init; }

    public DateTimeOffset? ChangedBefore { get; init; }

    public DateTimeOffset? ChangedAfter { get; init; }

    /// <summary>Only series in their stage since before these times (Unpack, Preprocess, Inference); null: any series.</summary>
    public StuckCutoffs? Stuck { get; init; }

    public int Limit { get; init; } = AdminSeriesQueryParser.DefaultLimit;

    public SeriesCursor? After { get; init; }
}
