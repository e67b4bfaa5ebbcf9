namespace MedPipeline.SampleBackend;

/// <summary>Lets the demo and tests make the backend answer 503 for a while, to show callbacks being retried.</summary>
public sealed class SimulatedOutage(TimeProvider time)
{
    private long _untilTicks;

    public bool IsDown => time.GetUtcNow().UtcTicks < Interlocked.Read(ref _untilTicks);

    public void For(TimeSpan duration) => Interlocked.Exchange(ref _untilTicks, (time.GetUtcNow() + duration).UtcTicks);
}
