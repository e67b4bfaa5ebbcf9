namespace MedPipeline.Persistence.Tests.Probe;

public sealed record ProbeTimedOut
{
    public Guid CorrelationId { get; init; }
}
