namespace MedPipeline.LocalStack;

/// <summary>Polls a starting service until a probe says it answers, failing fast (with its log) if the process dies.</summary>
public static class Readiness
{
    /// <param name="probe">True when the service answers; exceptions count as "not yet".</param>
    public static async Task WaitAsync(ServiceProcess process, string name, TimeSpan timeout, Func<CancellationToken, Task<bool>> probe)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited during start. Log:\n{process.Tail()}");
            }

            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"{name} did not answer within {timeout.TotalSeconds} s. Log:\n{process.Tail()}");
            }

            try
            {
                if (await probe(cts.Token))
                {
                    return;
                }
            }
#pragma warning disable CA1031 // Any failure of a probe means the service is not up yet.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }
}
