namespace MedPipeline.Hosting;

/// <summary>
/// How long a service takes to stop after SIGTERM: every service is gone within 5 s, so an orchestrator's rolling
/// update or a supervisor's stop never has to fall back to SIGKILL. Work in flight is not finished at any cost: a
/// consumer still busy after <see cref="Consumers"/> is cancelled, its message stays unacknowledged, and the broker
/// gives it to another instance (or to this one after its restart); the saga's inbox makes the repeat harmless.
/// </summary>
public static class ShutdownGrace
{
    /// <summary>The host's whole stop (every hosted service, the bus included): <c>HostOptions.ShutdownTimeout</c>.</summary>
    public static readonly TimeSpan Host = TimeSpan.FromSeconds(4);

    /// <summary>How long the bus waits for its receive endpoints to stop: MassTransit's <c>StopTimeout</c>.</summary>
    public static readonly TimeSpan Bus = TimeSpan.FromSeconds(3);

    /// <summary>How long consumers may finish the message in hand before their cancellation token fires: <c>ConsumerStopTimeout</c>.</summary>
    public static readonly TimeSpan Consumers = TimeSpan.FromSeconds(2);
}
