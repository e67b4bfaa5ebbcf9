using System.Diagnostics.Metrics;
using MedPipeline.Hosting.Telemetry;

namespace MedPipeline.StatusCallback.Delivery;

/// <summary>
/// How callback deliveries end, by organization: delivered, refused (the backend answered non-2xx after
/// its retries), unreachable (no answer), or unconfigured (no such organization here). Organizations
/// are the configured names; an unknown one is counted as "unknown" so a forged name cannot add series.
/// </summary>
public static class CallbackMetrics
{
    public const string InstrumentName = "medpipeline.callbacks";

    public const string Delivered = "delivered";

    public const string Refused = "refused";

    public const string Unreachable = "unreachable";

    public const string Unconfigured = "unconfigured";

    private static readonly Counter<long> Outcomes = MedPipelineTelemetry.Meter.CreateCounter<long>(
        InstrumentName, unit: "{callback}", description: "Callback deliveries by organization and outcome.");

    public static void Count(string organization, string outcome) =>
        Outcomes.Add(1, new KeyValuePair<string, object?>("medpipeline.organization", organization), new KeyValuePair<string, object?>("outcome", outcome));
}
