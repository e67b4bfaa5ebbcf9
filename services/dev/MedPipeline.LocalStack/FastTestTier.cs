namespace MedPipeline.LocalStack;

/// <summary>
/// The fast test tier (<c>infra/test.sh --fast</c>) runs only tests that start no server process. It sets
/// <see cref="Variable"/> to <c>fast</c>, and every fixture that would start one (broker, database, a pipeline
/// service, Prometheus, dockerd, the demo) fails instead, naming the category its test class is missing, so a
/// test that needs a process cannot hide in the fast tier.
/// </summary>
public static class FastTestTier
{
    public const string Variable = "MEDPIPE_TEST_TIER";

    public static bool IsActive => string.Equals(Environment.GetEnvironmentVariable(Variable), "fast", StringComparison.Ordinal);

    /// <summary>Throws when the fast tier is running: <paramref name="what"/> would be a server process.</summary>
    public static void RefuseToStart(string what)
    {
        if (IsActive)
        {
            throw new InvalidOperationException(
                $"The fast test tier starts no server process, and this test would start {what}: " +
                "mark its class [Category(TestTiers.Integration)] (or TestTiers.Slow for containers, clusters and chaos).");
        }
    }
}
