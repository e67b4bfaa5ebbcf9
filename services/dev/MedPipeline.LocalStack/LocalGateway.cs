namespace MedPipeline.LocalStack;

/// <summary>
/// The gateway executable on a free loopback port, marked and stopped by PID like the infrastructure:
/// the demo runs it, and so do the browser tests and the latency bench.
/// </summary>
public sealed class LocalGateway : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private LocalGateway(ServiceProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The gateway process (tests read its /proc entries).</summary>
    public int Pid => _process.Pid;

    /// <param name="dll">The built MedPipeline.Gateway.dll.</param>
    /// <param name="checkout">The repository root: static files and models are served from it.</param>
    public static async Task<LocalGateway> StartAsync(string dll, string checkout, TimeSpan timeout, params string[] extraArguments)
    {
        var port = FreeTcpPort.Next();
        var directory = FixtureDirectory.Create("gateway");
        var process = ServiceProcess.Start("gateway", directory, "dotnet",
        [
            dll, $"--urls=http://127.0.0.1:{port}", $"--contentRoot={Path.Combine(checkout, "services", "MedPipeline.Gateway")}",
            $"--Models:Path={Path.Combine(checkout, "models")}",
            // Single images only, for callers on this machine: no organization, so no key to present.
            "--Gateway:Identity:AllowAnonymousSingleImage=true", .. extraArguments,
        ], new Dictionary<string, string>(), runAsUser: null);
        var gateway = new LocalGateway(process, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            using var http = new HttpClient { BaseAddress = gateway.Address };
            await Readiness.WaitAsync(process, "The gateway", timeout, async token =>
            {
                using var response = await http.GetAsync("api/models", token);
                return response.IsSuccessStatusCode;
            });
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        FixtureDirectory.Delete(_process.Directory);
    }
}
