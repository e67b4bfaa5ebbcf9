using System.Diagnostics;
using MassTransit;
using MassTransit.Testing;
using MedPipeline.Hosting.Health;
using MedPipeline.Hosting.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace MedPipeline.Hosting.Tests;

/// <summary>The watchdog with a one-second limit, over the in-memory bus, whose stop stands for a bus that never reconnects.</summary>
[NonParallelizable]
public sealed class When_the_bus_stays_disconnected
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(1);

    [Test]
    public async Task The_service_turns_not_live_and_stops_with_its_exit_code_once_past_the_limit()
    {
        var exitCodeBefore = Environment.ExitCode;
        using var console = new CapturedConsole();
        var builder = TestHosts.Builder(("Hosting:BusDisconnectedExitAfter", "00:00:01")).WithHarness(_ => { });
        builder.Services.AddMedPipelineBusWatchdog();
        var host = builder.Build();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        await host.StartAsync();
        try
        {
            await Task.Delay(Limit * 2);
            Assert.That(stopping.IsCancellationRequested, Is.False, "a healthy bus is left alone however long it runs");
            Assert.That(await LiveAsync(host), Is.EqualTo(HealthStatus.Healthy));

            await host.Services.GetRequiredService<IBusControl>().StopAsync(CancellationToken.None);
            var stopped = Stopwatch.StartNew();
            Assert.That(await LiveAsync(host), Is.EqualTo(HealthStatus.Healthy), "briefly disconnected is still live");
            await Task.Delay(Timeout.Infinite, stopping).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(10));

            // The upper bound only says "soon after": a loaded 2-core machine may delay the timer and the stop by seconds.
            Assert.That(stopped.Elapsed, Is.GreaterThanOrEqualTo(Limit - TimeSpan.FromMilliseconds(300)).And.LessThan(Limit * 8));
            Assert.That(Environment.ExitCode, Is.EqualTo(BusConnectionWatchdog.ExitCode));
            Assert.That(await LiveAsync(host), Is.EqualTo(HealthStatus.Unhealthy));
            await host.StopAsync();
        }
        finally
        {
            Environment.ExitCode = exitCodeBefore;
            // Disposing the host flushes the console logger, which writes from its own queue on a background thread.
            host.Dispose();
        }

        Assert.That(console.Lines(), Has.Some.Contains("did not reconnect: stopping with exit code 75"));
    }

    private static async Task<HealthStatus> LiveAsync(IHost host) =>
        (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains(HealthTags.Live))).Status;
}
