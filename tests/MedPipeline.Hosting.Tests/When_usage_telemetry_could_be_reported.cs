using MassTransit;
using MedPipeline.Hosting.Messaging;
using MedPipeline.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MedPipeline.Hosting.Tests;

/// <summary>
/// MassTransit posts a usage report to usage-tracking.masstransit.io a few minutes after start, or at once
/// when the host stops if ReportOnShutdown is set. Both hosts below are told to report on shutdown and are
/// stopped: plain MassTransit tries (the control: our probe sees it), a MedPipeline bus does not.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_usage_telemetry_could_be_reported
{
    [Test]
    public async Task A_MedPipeline_bus_never_attempts_the_report_even_when_the_environment_asks_for_it()
    {
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", "true");
        var broker = await TestServices.RabbitMqAsync();
        using var console = new CapturedConsole();
        using var requests = new OutgoingHttpRequests();
        var builder = TestHosts.Builder(("RabbitMq:Uri", broker.AmqpUri().ToString()));
        builder.AddMedPipelineMassTransit(_ => { });
        builder.Services.Configure<UsageTelemetryOptions>(o => o.ReportOnShutdown = true);

        await StartAndStopAsync(builder.Build());
        // As long as the control below may take to show its attempt on a loaded machine.
        await Task.Delay(ReportWindow);

        Assert.That(requests.Seen, Is.Empty);
        Assert.That(Environment.GetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY"), Is.EqualTo("false"));
        Assert.That(console.Lines().Where(l => l.Contains("usage telemetry", StringComparison.OrdinalIgnoreCase)), Is.Empty);
    }

    [Test]
    public async Task Plain_MassTransit_attempts_it_and_the_probe_sees_it()
    {
        Environment.SetEnvironmentVariable("MASSTRANSIT_USAGE_TELEMETRY", null);
        using var console = new CapturedConsole();
        using var requests = new OutgoingHttpRequests();
        var builder = TestHosts.Builder();
        builder.Services.AddMassTransit(x =>
        {
            x.ConfigureUsageTelemetryOptions(o => o.ReportOnShutdown = true);
            x.UsingInMemory();
        });

        await StartAndStopAsync(builder.Build());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!requests.Seen.Any(uri => !uri.IsLoopback) && waited.Elapsed < ReportWindow)
        {
            await Task.Delay(100);
        }

        // The report goes to usage-tracking.masstransit.io, after a look at the cloud metadata address.
        Assert.That(requests.Seen.Where(uri => !uri.IsLoopback).Select(uri => uri.Host),
            Has.Some.EqualTo("usage-tracking.masstransit.io").Or.Some.EqualTo("169.254.169.254"));
    }

    private static readonly TimeSpan ReportWindow = TimeSpan.FromSeconds(10);

    private static async Task StartAndStopAsync(IHost host)
    {
        await host.StartAsync();
        // MassTransit sets up its report on a pool thread; a host disposed before that thread ran reports nothing.
        await Task.Delay(TimeSpan.FromSeconds(3));
        await host.StopAsync();
        // Disposing the container disposes MassTransit's usage tracker, which is when a report on shutdown is made.
        await ((IAsyncDisposable)host).DisposeAsync();
    }
}
