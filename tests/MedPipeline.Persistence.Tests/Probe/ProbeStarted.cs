namespace MedPipeline.Persistence.Tests.Probe;

public sealed record ProbeStarted
{
    public Guid CorrelationId { get; init; }
}
