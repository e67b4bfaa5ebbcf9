namespace MedPipeline.Persistence.Tests.Probe;

public sealed record ExplodeProbe
{
    public Guid CorrelationId { get; init; }
}
