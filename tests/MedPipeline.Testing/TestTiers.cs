namespace MedPipeline.Testing;

/// <summary>
/// The categories a developer picks a tier by (<c>infra/test.sh --fast | --integration | --slow</c>). A test
/// without either is fast: it starts no broker, database, service process or browser (the fast tier enforces that,
/// see <c>MedPipeline.LocalStack.FastTestTier</c>).
/// </summary>
public static class TestTiers
{
    /// <summary>Needs a real broker, database, pipeline service, Orthanc, Prometheus or browser.</summary>
    public const string Integration = "Integration";

    /// <summary>Containers, the whole demo, clusters and chaos: minutes each.</summary>
    public const string Slow = "Slow";
}
