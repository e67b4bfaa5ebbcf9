namespace MedPipeline.Persistence.Tests.Probe;

public sealed record ArmProbe
{
    public Guid CorrelationId { get; init; }

    public int DueInMilliseconds { get; init; }
}
