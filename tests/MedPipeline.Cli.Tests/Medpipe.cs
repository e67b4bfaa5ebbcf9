using System.Diagnostics;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Cli.Tests;

/// <summary>
/// Runs the real medpipe executable (built next to the tests) and captures what it prints. Each run is the leader of
/// its own process group with SIGINT at its default action, whatever this test process inherited (a background job of
/// a non-interactive shell starts with SIGINT ignored, and so would every child): Ctrl-C reaches it, and
/// <see cref="StopGroupAsync"/> ends everything it started, pass or fail.
/// </summary>
internal static class Medpipe
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments) =>
        RunAsync(TimeSpan.FromSeconds(60), arguments);

    public static Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, params string[] arguments) =>
        RunAsync(timeout, new Dictionary<string, string>(), arguments);

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TimeSpan timeout, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        using var process = Start(environment, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            await StopGroupAsync(process);
            Assert.Fail($"medpipe {string.Join(' ', arguments)} did not finish within {timeout}.\n{await output}\n{await error}");
        }
        finally
        {
            await StopGroupAsync(process);
        }

        return (process.ExitCode, await output, await error);
    }

    public static Process Start(params string[] arguments) => Start(new Dictionary<string, string>(), arguments);

    public static Process Start(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        // setsid: not a group leader after the fork, so it calls setsid(2) and execs (the PID stays medpipe's);
        // env --default-signal=INT: Ctrl-C's signal is not ignored by inheritance.
        var info = new ProcessStartInfo("/usr/bin/setsid") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (string[])["/usr/bin/env", "--default-signal=INT", "dotnet", Path.Combine(AppContext.BaseDirectory, "medpipe.dll"), .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["MEDPIPE_MODELS"] = RepositoryPaths.Models;
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    /// <summary>
    /// SIGKILL to the run's whole process group, then the fixture processes it started, found by their mark (a service
    /// that made a group of its own): nothing a run started outlives its test.
    /// </summary>
    public static async Task StopGroupAsync(Process process)
    {
        Posix.Signal(-process.Id, Posix.SigKill);
        await process.WaitForExitAsync();
        await MarkedProcesses.StopStaleAsync();
    }
}
