using System.Diagnostics;
using System.Text;

namespace MedPipeline.Containers.Tests;

/// <summary>Runs a command to completion (docker, docker-compose, the image build) and keeps what it printed.</summary>
internal static class CommandLine
{
    public static async Task<CommandResult> RunAsync(
        string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Testing.RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            // Our own child, by its PID (and its children: docker-compose and the build script start some).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"{executable} {string.Join(' ', info.ArgumentList)} did not finish within {timeout}:\n{Text(output)}");
        }

        process.WaitForExit();
        return new CommandResult(process.ExitCode, Text(output));
    }

    /// <summary>Like <see cref="RunAsync"/>, but a non-zero exit fails with the command's output.</summary>
    public static async Task<string> RunCheckedAsync(
        string executable, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var result = await RunAsync(executable, arguments, environment, timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited with {result.ExitCode}:\n{result.Output}");
        }

        return result.Output;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
