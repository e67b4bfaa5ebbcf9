namespace MedPipeline.Organizations;

/// <summary>
/// Where a hospital backend publishes its own <c>PredictSeries</c> commands (direct enqueue): one exchange per
/// organization, which only that organization's ingress user may write to. The broker stamps every delivery with the
/// exchange it was published to, so the orchestrator takes the organization from there, never from the body alone.
/// </summary>
public static class OrganizationIngress
{
    private const string Prefix = "predict-series-from-";

    /// <summary>The organization's ingress exchange (fanout, declared and bound by the orchestrator).</summary>
    public static string ExchangeOf(string organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return Prefix + organization;
    }

    /// <summary>The organization an exchange is the ingress of, or null when it is no ingress exchange.</summary>
    public static string? OrganizationOf(string? exchange) =>
        exchange is not null && exchange.StartsWith(Prefix, StringComparison.Ordinal) && exchange.Length > Prefix.Length
            ? exchange[Prefix.Length..]
            : null;

    /// <summary>A regex part matching every ingress exchange (for the orchestrator's broker permissions).</summary>
    public const string AnyExchangePattern = "predict-series-from-[A-Za-z0-9._-]+";
}
