namespace MedPipeline.Gateway.Similar;

/// <summary>
/// One series' row of the status read model as the similar-case search sees it: its embedding only when the series is
/// completed and its model has one; <see cref="EmbeddingModel"/> is that model's sha256.
/// </summary>
public sealed record EmbeddingRow(Guid CorrelationId, float[]? Embedding, string? EmbeddingModel, DateTimeOffset? FinishedAt, DateTimeOffset UpdatedAt)
{
    public bool IsSearchable => Embedding is { Length: > 0 } && EmbeddingModel is not null && FinishedAt is not null;
}
