using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MedPipeline.Hosting.Telemetry;

internal static class MedPipelineOpenTelemetry
{
    /// <summary>The standard OpenTelemetry setting; OTLP export is on only when it names a collector.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Traces and metrics through OpenTelemetry.Extensions.Hosting, as eShop's service defaults do: ours
    /// ("MedPipeline"), MassTransit's, ASP.NET Core's, HttpClient's, Npgsql's and the runtime's. Metrics are
    /// scraped at /metrics (Prometheus text); both signals go over OTLP only when a collector is configured.
    /// </summary>
    public static void Add(IHostApplicationBuilder builder, string serviceName)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource(MedPipelineTelemetry.Name, DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddNpgsql())
            .WithMetrics(metrics => metrics
                .AddMeter(MedPipelineTelemetry.Name, InstrumentationOptions.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddPrometheusExporter());
        if (ExportsOverOtlp(builder.Configuration))
        {
            telemetry.UseOtlpExporter();
        }
    }

    public static bool ExportsOverOtlp(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[OtlpEndpointSetting]);

    // Health probes and scrapes every few seconds would bury the traces of real requests.
    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
