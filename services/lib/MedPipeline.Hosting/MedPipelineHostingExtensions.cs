using MedPipeline.Hosting.Database;
using MedPipeline.Hosting.Health;
using MedPipeline.Hosting.Logging;
using MedPipeline.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MedPipeline.Hosting;

public static class MedPipelineHostingExtensions
{
    /// <summary>
    /// The defaults of every MedPipeline process (Host.CreateApplicationBuilder or
    /// WebApplication.CreateBuilder): JSON console logs with scopes (the correlation scope of
    /// consumed messages appears on every line; framework request logs, which name URLs, only from Warning), OpenTelemetry traces and metrics (ours, MassTransit's,
    /// ASP.NET Core's, HttpClient's, Npgsql's, the runtime's; Prometheus at /metrics, OTLP only when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set) and health checks ("live", and "ready" per database connection
    /// string), the check that every remote PostgreSQL connection verifies its server (<see cref="DatabaseTransportOptions"/>), and a stop within
    /// <see cref="ShutdownGrace.Host"/> of SIGTERM. Messaging (with its bus readiness check and watchdog) is added with AddMedPipelineMassTransit.
    /// </summary>
    public static IHostApplicationBuilder AddMedPipelineDefaults(this IHostApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        builder.Logging.ClearProviders();
        // Every line written inside a span (a request, a consumed message) carries its trace id: one series, one trace, greppable.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
        FrameworkRequestLogging.LimitToWarnings(builder.Logging, builder.Configuration);

        builder.Services.AddSingleton(new ServiceIdentity(serviceName));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownGrace.Host);
        MedPipelineOpenTelemetry.Add(builder, serviceName);
        MedPipelineHealthChecks.Add(builder.Services, builder.Configuration);
        DatabaseTransportRegistration.Add(builder.Services);
        return builder;
    }
}
