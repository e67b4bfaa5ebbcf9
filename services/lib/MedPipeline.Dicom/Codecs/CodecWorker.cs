using System.Diagnostics;
using System.Globalization;

namespace MedPipeline.Dicom.Codecs;

/// <summary>
/// One codec child process and its pipes. A request that times out, passes the memory limit, or
/// finds the process dead kills it (by PID) and fails with a typed reason; the pool replaces it.
/// </summary>
internal sealed class CodecWorker : IDisposable
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(50);
    private readonly Process _process;
    private readonly CodecChildEnvironment _environment;

    private CodecWorker(Process process, CodecChildEnvironment environment) => (_process, _environment) = (process, environment);

    public int Pid => _process.Id;

    public bool IsAlive => !_process.HasExited;

    public static CodecWorker Start(CodecPoolOptions options, string hostPath)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(hostPath);
        var environment = CodecChildEnvironment.Apply(info, options);
        try
        {
            var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start the codec host {hostPath}");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            return new CodecWorker(process, environment);
        }
        catch
        {
            environment.Dispose();
            throw;
        }
    }

    /// <summary>One request and its answer; a child that has to be killed for it is a <see cref="CodecProcessException"/>.</summary>
    public async Task<(CodecResponseHeader Header, byte[] Data)> ExchangeAsync(CodecRequestHeader header, ReadOnlyMemory<byte> data, long maxResponseBytes,
        CodecPoolOptions options, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.RequestTimeout);
        var limitBytes = options.MemoryLimitMegabytes * 1024L * 1024;
        var overLimit = false;
        using var watchdog = new Timer(_ =>
        {
            if (ResidentBytes() > limitBytes)
            {
                overLimit = true;
                Kill();
            }
        }, null, WatchInterval, WatchInterval);
        try
        {
            await CodecProtocol.WriteRequestAsync(_process.StandardInput.BaseStream, header, data, deadline.Token);
            return await CodecProtocol.ReadResponseAsync(_process.StandardOutput.BaseStream, maxResponseBytes, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new CodecProcessException(CodecProcessFailure.TimedOut,
                $"the codec process did not answer within {options.RequestTimeout.TotalSeconds:0.#} s and was killed");
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or InvalidDataException or ObjectDisposedException or System.Text.Json.JsonException)
        {
            Kill();
            var why = overLimit ? $"passed the memory limit of {options.MemoryLimitMegabytes} MB and was killed" : $"died: {ExitDescription()}";
            throw new CodecProcessException(CodecProcessFailure.Crashed, $"the codec process {why}", e);
        }
    }

    /// <summary>Kills the child and removes its private temporary folder.</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _environment.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private string ExitDescription()
    {
        if (!_process.WaitForExit(2000))
        {
            return "its pipe closed";
        }

        var code = _process.ExitCode;
        return code > 128 ? $"killed by signal {code - 128}{SignalName(code - 128)}" : $"exit code {code}";
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => "",
    };

    private long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
