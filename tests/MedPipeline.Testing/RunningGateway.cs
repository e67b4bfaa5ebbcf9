using System.Diagnostics;
using MedPipeline.LocalStack;

namespace MedPipeline.Testing;

/// <summary>
/// The real gateway executable (MedPipeline.Gateway.dll next to the caller, via a project reference)
/// on a free loopback port, serving the page and the shipped models; killed by PID on dispose.
/// </summary>
public sealed class RunningGateway : IAsyncDisposable
{
    private readonly Process _process;

    private RunningGateway(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<RunningGateway> StartAsync(params string[] extraArguments)
    {
        var port = FreeTcpPort.Next();
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MedPipeline.Gateway.dll"));
        info.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        info.ArgumentList.Add($"--contentRoot={Path.Combine(RepositoryPaths.Root, "services", "MedPipeline.Gateway")}");
        info.ArgumentList.Add($"--Models:Path={RepositoryPaths.Models}");
        foreach (var argument in extraArguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var gateway = new RunningGateway(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = gateway.Address };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with {process.ExitCode} during start");
            }

            try
            {
                using var response = await http.GetAsync("api/models");
                if (response.IsSuccessStatusCode)
                {
                    return gateway;
                }
            }
            catch (HttpRequestException)
            {
                // Still starting.
            }

            await Task.Delay(200);
        }

        await gateway.DisposeAsync();
        throw new TimeoutException("the gateway did not answer within 20 s");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
