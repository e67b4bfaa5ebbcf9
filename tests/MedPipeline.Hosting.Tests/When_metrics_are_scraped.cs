using System.Net;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Contracts;
using MedPipeline.Hosting.Health;
using MedPipeline.Hosting.Messaging;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace MedPipeline.Hosting.Tests;

/// <summary>
/// In this test process MassTransit's meter belongs to whichever host configured a bus first and is gone with
/// it, so its metrics are checked on the real service processes (Pipeline.Tests, When_a_service_is_scraped).
/// </summary>
public sealed class When_metrics_are_scraped
{
    [Test]
    public async Task Metrics_answers_Prometheus_text_with_runtime_ASP_NET_Core_and_our_own_metrics()
    {
        using var console = new CapturedConsole();
        var builder = TestWebApps.Builder();
        builder.Services.AddMassTransitTestHarness(x =>
        {
            x.AddConsumer<EveryMessageConsumer>();
            x.UsingInMemory((context, cfg) => cfg.ConfigureMedPipelineBus(context));
        });
        await using var app = builder.Build();
        app.UseRouting();
        app.MapMedPipelineHealthEndpoints();
        await app.StartAsync();
        using var client = TestWebApps.ClientOf(app);
        var harness = app.Services.GetRequiredService<ITestHarness>();
        await harness.Bus.Publish(new PreprocessSeries { CorrelationId = Guid.NewGuid(), AttemptId = Guid.NewGuid() });
        Assert.That(await harness.Consumed.Any<PreprocessSeries>(), Is.True);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).Dispose();

        using var metrics = await client.GetAsync(new Uri("/metrics", UriKind.Relative));
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.That(metrics.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(metrics.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/plain"));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("dotnet_gc_"), "the runtime's");
            Assert.That(text, Does.Contain("http_server_request_duration_seconds"), "ASP.NET Core's");
            Assert.That(text, Does.Contain("medpipeline_stage_duration"), "ours");
        });
        await app.StopAsync();
    }
}
