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
        builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddProcessor(new SimpleActivityExportProcessor(exporter)));
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
        var plain = TestHosts.Builder();
        var exporting = TestHosts.Builder(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317"));

        Assert.That(MedPipelineOpenTelemetry.ExportsOverOtlp(plain.Configuration), Is.False);
        Assert.That(MedPipelineOpenTelemetry.ExportsOverOtlp(exporting.Configuration), Is.True);
    }

    [Test]
    public async Task With_an_endpoint_spans_reach_the_collector()
    {
        await using var collector = await LoopbackCollector.StartAsync();
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder(("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address.ToString()), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        using (var host = builder.Build())
        {
            await host.StartAsync();
            using (MedPipelineTelemetry.StartStage("test", Guid.NewGuid(), Guid.NewGuid()))
            {
            }

            await host.StopAsync();
        }

        Assert.That(collector.Paths, Does.Contain("/v1/traces"));
    }
}
