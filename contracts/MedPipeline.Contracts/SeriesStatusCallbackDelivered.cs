namespace MedPipeline.Contracts;

public sealed record SeriesStatusCallbackDelivered
{
    public Guid CorrelationId { get; init; }

    public string SeriesId { get; init; } = "";

    public int StatusCode { get; init; }

    public int Attempts { get; init; }
}
