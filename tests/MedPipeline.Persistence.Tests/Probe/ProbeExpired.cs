namespace MedPipeline.Persistence.Tests.Probe;

public sealed record ProbeExpired
{
    public Guid CorrelationId { get; init; }
}
