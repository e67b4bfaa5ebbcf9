namespace MedPipeline.Contracts;

/// <summary>Which model produced a result: recorded with every result.</summary>
public sealed record ModelInfo
{
    public string ModelType { get; init; } = "";

    public string Name { get; init; } = "";

    public string Version { get; init; } = "";

    public string Sha256 { get; init; } = "";
}
