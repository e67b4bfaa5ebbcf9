namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// One delivery per callback id at a time in this process. A command relayed twice (the saga's outbox after a crash,
/// a redelivery after a lost acknowledgement) can arrive while its first copy is still being retried against a slow
/// backend; the second copy waits here and then finds the first one's receipt. Striped, so no lock is ever removed
/// while held; two callbacks share a stripe only by chance (1 in <see cref="Stripes"/>).
/// </summary>
public sealed class CallbacksInFlight
{
    private const int Stripes = 1024;
    private readonly SemaphoreSlim[] _stripes = [.. Enumerable.Range(0, Stripes).Select(_ => new SemaphoreSlim(1, 1))];

    /// <summary>Waits until no other delivery of <paramref name="callbackId"/> runs here; dispose the result to let the next one in.</summary>
    public async Task<IDisposable> EnterAsync(Guid callbackId, CancellationToken cancellationToken)
    {
        if (callbackId == Guid.Empty)
        {
            return NoLock.Instance;
        }

        var stripe = _stripes[(int)((uint)callbackId.GetHashCode() % Stripes)];
        await stripe.WaitAsync(cancellationToken);
        return new Held(stripe);
    }

    private sealed class Held(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }

    private sealed class NoLock : IDisposable
    {
        public static readonly NoLock Instance = new();

        public void Dispose()
        {
        }
    }
}
