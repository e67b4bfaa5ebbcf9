namespace MedPipeline.Onnx;

/// <summary>
/// Counts the runs in flight on a session so that Dispose, racing a run on another thread, never frees
/// the native session under it: the release happens exactly once, when closed and no run is left.
/// </summary>
internal sealed class SessionLifetime(Action release)
{
    private const int Closed = 1;
    private const int OneRun = 2;

    // Bit 0: closed; the rest counts runs in flight (in steps of two), so one word holds both and one
    // compare-and-swap decides between "enter" and "close".
    private int _state;

    /// <summary>Registers a run; throws <see cref="ObjectDisposedException"/> once closed.</summary>
    public void Enter()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            ObjectDisposedException.ThrowIf((state & Closed) != 0, typeof(InferenceSession));
            if (Interlocked.CompareExchange(ref _state, state + OneRun, state) == state)
            {
                return;
            }
        }
    }

    public void Exit()
    {
        if (Interlocked.Add(ref _state, -OneRun) == Closed)
        {
            release();
        }
    }

    public void Close()
    {
        while (true)
        {
            var state = Volatile.Read(ref _state);
            if ((state & Closed) != 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _state, state | Closed, state) == state)
            {
                if (state == 0)
                {
                    release();
                }

                return;
            }
        }
    }
}
