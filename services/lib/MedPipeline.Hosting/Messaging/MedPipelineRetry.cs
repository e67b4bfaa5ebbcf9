using MassTransit;

namespace MedPipeline.Hosting.Messaging;

/// <summary>
/// The message retry every MedPipeline endpoint applies in its definition:
/// <c>endpointConfigurator.UseMessageRetry(MedPipelineRetry.Transient)</c>. Not bus-wide, because a bus
/// retry would nest with an endpoint's own and multiply the attempts.
/// </summary>
public static class MedPipelineRetry
{
    /// <summary>
    /// Six retries with exponential backoff from 50 ms to 5 s: long enough to outlast a broker or
    /// database blip and an optimistic-concurrency conflict, short enough that a worker that keeps
    /// failing produces its Fault&lt;T&gt; within about ten seconds.
    /// </summary>
    public static void Transient(IRetryConfigurator retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.Exponential(6, TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));
    }
}
