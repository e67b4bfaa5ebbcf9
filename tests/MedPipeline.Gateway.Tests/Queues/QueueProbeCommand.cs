namespace MedPipeline.Gateway.Tests.Queues;

/// <summary>A command the <see cref="FaultingEndpoint"/>'s consumer throws on (until told to accept).</summary>
public sealed record QueueProbeCommand
{
    public Guid CorrelationId { get; init; }

    public string Note { get; init; } = "";
}
