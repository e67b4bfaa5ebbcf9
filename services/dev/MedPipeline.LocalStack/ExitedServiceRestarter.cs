using System.Diagnostics;
using System.Globalization;

namespace MedPipeline.LocalStack;

/// <summary>
/// What a supervisor (systemd, Kubernetes) does for the demo: a pipeline service that exits on its own
/// (a crash, or the bus watchdog giving up on a broker connection) is started again after a short backoff,
/// with a line saying so. One that ran for a minute before exiting starts again after the first delay.
/// </summary>
internal sealed class ExitedServiceRestarter(TextWriter? log)
{
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    /// <param name="isCurrent">False once the launcher itself stopped or killed that process: then it stays down.</param>
    /// <param name="restart">Starts the service again and returns its new process.</param>
    public async Task SuperviseAsync(string name, ServiceProcess process, Func<ServiceProcess, bool> isCurrent, Func<ServiceProcess, Task<ServiceProcess>> restart)
    {
        var delay = FirstDelay;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var exitCode = await process.WaitForExitAsync();
            if (!isCurrent(process))
            {
                return;
            }

            if (Stopwatch.GetElapsedTime(started) >= StableAfter)
            {
                delay = FirstDelay;
            }

            Write($"{name} exited unexpectedly with code {exitCode}; restarting it in {delay.TotalSeconds:0.#} s");
            await Task.Delay(delay);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            if (!isCurrent(process))
            {
                return;
            }

            process = await restart(process);
            Write($"{name} restarted (PID {process.Pid})");
        }
    }

    private void Write(string line)
    {
        if (log is not null)
        {
            lock (log)
            {
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[launcher {DateTime.UtcNow:HH:mm:ss}] {line}"));
            }
        }
    }
}
