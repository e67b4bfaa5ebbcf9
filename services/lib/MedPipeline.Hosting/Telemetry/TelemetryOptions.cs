namespace MedPipeline.Hosting.Telemetry;

/// <summary>Section "Telemetry". Traces and metrics are exported over OTLP only when an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The OTLP endpoint; when empty, the standard OTEL_EXPORTER_OTLP_ENDPOINT setting is used.</summary>
    public Uri? OtlpEndpoint { get; set; }
}
