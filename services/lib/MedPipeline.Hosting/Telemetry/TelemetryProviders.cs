using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedPipeline.Hosting.Telemetry;

/// <summary>
/// Owns the process's TracerProvider and MeterProvider (what OpenTelemetry.Extensions.Hosting would do):
/// built when the host creates its hosted services, before any of them starts, so the bus's first
/// spans are seen; flushed when the host stops and disposed with the host.
/// </summary>
internal sealed class TelemetryProviders : IHostedService, IDisposable
{
    /// <summary>Ours, MassTransit's, and ASP.NET Core's (only web hosts emit those).</summary>
    private static readonly string[] Sources = [MedPipelineTelemetry.Name, "MassTransit", "Microsoft.AspNetCore"];

    private static readonly string[] Meters =
        [MedPipelineTelemetry.Name, "MassTransit", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "System.Net.Http"];

    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metrics;

    public TelemetryProviders(ServiceIdentity service, IOptions<TelemetryOptions> options, IConfiguration configuration,
        IEnumerable<TelemetryConfiguration> extras)
    {
        var endpoint = OtlpEndpoint(options.Value, configuration);
        OtlpEnabled = endpoint is not null;
        var resource = ResourceBuilder.CreateDefault().AddService(service.Name);
        var extraSteps = extras.ToList();

        var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(Sources);
        var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(Meters);
        if (endpoint is not null)
        {
            tracing.AddOtlpExporter(o => Point(o, endpoint, "v1/traces"));
            metrics.AddOtlpExporter(o => Point(o, endpoint, "v1/metrics"));
        }

        foreach (var step in extraSteps)
        {
            step.Tracing?.Invoke(tracing);
            step.Metrics?.Invoke(metrics);
        }

        _tracing = tracing.Build();
        _metrics = metrics.Build();
    }

    public bool OtlpEnabled { get; }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _tracing.ForceFlush(2000);
        _metrics.ForceFlush(2000);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _tracing.Dispose();
        _metrics.Dispose();
    }

    private static Uri? OtlpEndpoint(TelemetryOptions options, IConfiguration configuration) =>
        options.OtlpEndpoint ?? (Uri.TryCreate(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], UriKind.Absolute, out var fromEnvironment) ? fromEnvironment : null);

    private static void Point(OtlpExporterOptions exporter, Uri endpoint, string signalPath)
    {
        // Over HTTP the signal's path must be part of the endpoint; over gRPC (the default) it must not.
        exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.HttpProtobuf ? new Uri(endpoint, signalPath) : endpoint;
    }
}
