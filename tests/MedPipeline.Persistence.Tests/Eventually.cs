namespace MedPipeline.Persistence.Tests;

/// <summary>Polls with short intervals instead of sleeping for the worst case.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    /// <summary>How long a test waits to be sure a duplicate or a stray message does not arrive after all.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(800);

    public static async Task Until(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out after {Timeout.TotalSeconds}s waiting until {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task Until(Func<bool> condition, string what) => Until(() => Task.FromResult(condition()), what);
}
