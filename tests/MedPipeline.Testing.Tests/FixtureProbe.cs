namespace MedPipeline.Testing.Tests;

public sealed record FixtureProbe
{
    public Guid CorrelationId { get; init; }

    public string Text { get; init; } = "";
}
