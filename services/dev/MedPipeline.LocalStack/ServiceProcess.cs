using System.Diagnostics;

namespace MedPipeline.LocalStack;

/// <summary>
/// A server process started for tests: marked with <see cref="FixtureMarker"/> variables, run as a
/// service account when we are root (RabbitMQ and PostgreSQL refuse or misbehave as root), with its
/// output kept in a log file for failure messages.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServiceProcess(string name, string directory, string token, Process process, StreamWriter log)
    {
        Name = name;
        Directory = directory;
        Token = token;
        _process = process;
        _log = log;
    }

    public string Name { get; }

    public string Directory { get; }

    public string Token { get; }

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Completes with the exit code when the process exits, whoever ended it (-1 once disposed: stopped by us).</summary>
    public async Task<int> WaitForExitAsync()
    {
        try
        {
            await _process.WaitForExitAsync();
            return _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    public string LogPath => Path.Combine(Directory, $"{Name}.log");

    public static bool RunningAsRoot => Posix.IsRoot;

    /// <summary>Runs a short command (initdb, chown) to completion with the same marking; throws with its output on failure.</summary>
    public static async Task RunToCompletionAsync(
        string name, string directory, string executable, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string? runAsUser, TimeSpan timeout)
    {
        await using var process = Start(name, directory, executable, arguments, environment, runAsUser);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"{name} did not finish within {timeout.TotalSeconds} s. Log: {process.Tail()}");
        }

        if (process._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{name} exited with {process._process.ExitCode}. Log: {process.Tail()}");
        }
    }

    public static ServiceProcess Start(
        string name, string directory, string executable, IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string> environment, string? runAsUser)
    {
        FastTestTier.RefuseToStart(name);
        var token = Guid.NewGuid().ToString("N");
        var info = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        if (runAsUser is not null && RunningAsRoot)
        {
            info.FileName = "/usr/bin/setpriv";
            info.ArgumentList.Add($"--reuid={runAsUser}");
            info.ArgumentList.Add($"--regid={runAsUser}");
            info.ArgumentList.Add("--init-groups");
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(executable);
        }
        else
        {
            info.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        info.Environment[FixtureMarker.TokenVariable] = token;
        info.Environment[FixtureMarker.OwnerVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment[FixtureMarker.OwnerStartVariable] = Owner.StartTime;
        info.Environment[FixtureMarker.DirectoryVariable] = directory;

        var log = new StreamWriter(Path.Combine(directory, $"{name}.log"), append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => WriteLine(log, e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(log, e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {executable}.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ServiceProcess(name, directory, token, process, log);
    }

    public string Tail(int lines = 30)
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            var all = reader.ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException)
        {
            return "(no log)";
        }
    }

    /// <summary>SIGKILL, no grace: what a crashed or OOM-killed process looks like to everyone else.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Posix.Signal(_process.Id, Posix.SigKill);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// SIGKILL to the process and every process it started (found by its mark), then waits until they are gone: for a
    /// throw-away server whose files are deleted next, where a graceful stop would only cost time.
    /// </summary>
    public async Task KillAllAsync()
    {
        await KillAsync();
        await MarkedProcesses.StopAsync(Token, TimeSpan.Zero);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && MarkedProcesses.FindAll().Any(p => p.Token == Token))
        {
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Sends the service its own shutdown signal, then stops every process it left, by PID. Returns how long the
    /// process took to exit; null when it had already exited or was still running after <paramref name="grace"/>
    /// (then the sweep ends it with SIGKILL).
    /// </summary>
    public async Task<TimeSpan?> StopAsync(int shutdownSignal, TimeSpan grace)
    {
        TimeSpan? exitedAfter = null;
        if (!_process.HasExited)
        {
            var signalled = Stopwatch.StartNew();
            Posix.Signal(_process.Id, shutdownSignal);
            using var cts = new CancellationTokenSource(grace);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
                exitedAfter = signalled.Elapsed;
            }
            catch (OperationCanceledException)
            {
                // Falls through to the marked-process sweep, which ends with SIGKILL.
            }
        }

        await MarkedProcesses.StopAsync(Token, TimeSpan.FromSeconds(3));
        return exitedAfter;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(Posix.SigTerm, TimeSpan.FromSeconds(10));
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private static void WriteLine(StreamWriter log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.WriteLine(line);
        }
    }
}
