namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>Scrapes and rule evaluations lag a little behind what the pipeline did: tests read until what they wait for shows.</summary>
internal static class Polling
{
    /// <summary>Reads until <paramref name="done"/> holds or the time is up; returns the last reading either way, for the assertions to show.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var value = await read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            value = await read();
        }

        return value;
    }
}
