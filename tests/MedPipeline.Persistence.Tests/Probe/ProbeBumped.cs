namespace MedPipeline.Persistence.Tests.Probe;

public sealed record ProbeBumped
{
    public Guid CorrelationId { get; init; }

    public int Counter { get; init; }
}
