using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MedPipeline.Hosting.Telemetry;

/// <summary>An extra step applied to the trace and meter providers (another exporter, a processor, a source).</summary>
public sealed class TelemetryConfiguration
{
    public Action<TracerProviderBuilder>? Tracing { get; init; }

    public Action<MeterProviderBuilder>? Metrics { get; init; }
}
