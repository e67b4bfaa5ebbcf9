namespace MedPipeline.Persistence.Outbox;

/// <summary>Wakes the relay after a commit; many nudges while it is busy collapse into one more pass.</summary>
public sealed class OutboxRelaySignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already pending; it will see this commit too.
        }
    }

    /// <summary>Waits for a nudge or the poll interval, whichever comes first.</summary>
    public Task<bool> WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _pending.WaitAsync(pollInterval, cancellationToken);
}
