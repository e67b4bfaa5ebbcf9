namespace MedPipeline.Contracts;

public sealed record SeriesStatusCallbackFailed
{
    public Guid CorrelationId { get; init; }

    public string SeriesId { get; init; } = "";

    public string Reason { get; init; } = "";

    public int Attempts { get; init; }

    public bool Retryable { get; init; }
}
