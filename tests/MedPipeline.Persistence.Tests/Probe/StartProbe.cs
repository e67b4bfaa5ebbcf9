namespace MedPipeline.Persistence.Tests.Probe;

public sealed record StartProbe
{
    public Guid CorrelationId { get; init; }

    /// <summary>How long the saga waits before saving the new row, to make concurrent creates overlap.</summary>
    public int HoldMilliseconds { get; init; }
}
