namespace MedPipeline.Persistence.Tests.Probe;

public sealed record BumpProbe
{
    public Guid CorrelationId { get; init; }

    /// <summary>How long the saga holds the row before saving, to make concurrent updates overlap.</summary>
    public int HoldMilliseconds { get; init; }
}
