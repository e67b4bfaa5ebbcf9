using System.Diagnostics;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace MedPipeline.Hosting.Tests;

public sealed class When_traces_are_collected
{
    [Test]
    public async Task A_consume_produces_the_MassTransit_span_and_our_stage_span_in_one_trace()
    {
        var exporter = new CollectingExporter();
        var correlationId = Guid.NewGuid();
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder().WithHarness(x => x.AddConsumer<EveryMessageConsumer>());
        builder.Services.AddMedPipelineTelemetry(new TelemetryConfiguration { Tracing = t => t.AddProcessor(new SimpleActivityExportProcessor(exporter)) });
        using (var host = builder.Build())
        {
            await host.StartAsync();
            var harness = host.Services.GetRequiredService<ITestHarness>();
            await harness.Bus.Publish(new PreprocessSeries { CorrelationId = correlationId, AttemptId = Guid.NewGuid() });
            Assert.That(await harness.Consumed.Any<PreprocessSeries>(), Is.True);
            for (var i = 0; i < 100 && !exporter.Spans.Any(s => s.Source.Name == MedPipelineTelemetry.Name); i++)
            {
                await Task.Delay(20);
            }

            await host.StopAsync();
        }

        var consume = exporter.Spans.FirstOrDefault(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Consumer);
        var stage = exporter.Spans.FirstOrDefault(s => s.Source.Name == MedPipelineTelemetry.Name);
        Assert.That(consume, Is.Not.Null, $"a MassTransit consume span; got {string.Join(", ", exporter.Spans.Select(s => $"{s.Source.Name}:{s.DisplayName}"))}");
        Assert.That(stage, Is.Not.Null, "our stage span");
        Assert.That(stage!.GetTagItem("medpipeline.correlation_id"), Is.EqualTo(correlationId.ToString()));
        Assert.That(stage.TraceId, Is.EqualTo(consume!.TraceId), "the stage span is part of the consume's trace");
    }

    [Test]
    public void OTLP_export_is_off_unless_an_endpoint_is_configured()
    {
        using var console = new CapturedConsole();
        using var plain = TestHosts.Builder().Build();
        using var exporting = TestHosts.Builder(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317")).Build();

        Assert.That(plain.Services.GetRequiredService<TelemetryProviders>().OtlpEnabled, Is.False);
        Assert.That(exporting.Services.GetRequiredService<TelemetryProviders>().OtlpEnabled, Is.True);
    }
}
