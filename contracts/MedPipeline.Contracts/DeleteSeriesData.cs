namespace MedPipeline.Contracts;

/// <summary>
/// Store keys (archives, or an attempt's instances and tensors) no longer needed once an attempt ended,
/// was superseded, or a joining request's upload went unused. Only "archives/" and "series/" keys are deleted.
/// </summary>
public sealed record DeleteSeriesData
{
    public Guid CorrelationId { get; init; }

    public Guid AttemptId { get; init; }

    public IReadOnlyList<string> Keys { get; init; } = [];
}
