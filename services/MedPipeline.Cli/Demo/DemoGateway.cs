using MedPipeline.LocalStack;

namespace MedPipeline.Cli.Demo;

/// <summary>The gateway process of the demo, on a free loopback port, marked and stopped by PID like the infrastructure.</summary>
internal sealed class DemoGateway : IAsyncDisposable
{
    private readonly ServiceProcess _process;

    private DemoGateway(ServiceProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<DemoGateway> StartAsync(FileInfo dll, DirectoryInfo checkout, TimeSpan timeout)
    {
        var port = FreeTcpPort.Next();
        var directory = FixtureDirectory.Create("gateway");
        var process = ServiceProcess.Start("gateway", directory, "dotnet",
        [
            dll.FullName, $"--urls=http://127.0.0.1:{port}", $"--contentRoot={Path.Combine(checkout.FullName, "services", "MedPipeline.Gateway")}",
            $"--Models:Path={Path.Combine(checkout.FullName, "models")}",
        ], new Dictionary<string, string>(), runAsUser: null);
        var gateway = new DemoGateway(process, new Uri($"http://127.0.0.1:{port}/"));
        using var http = new HttpClient { BaseAddress = gateway.Address };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                break;
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
                // Starting.
            }

            await Task.Delay(250);
        }

        var log = process.Tail();
        await gateway.DisposeAsync();
        throw new InvalidOperationException($"The gateway did not start. Its log:\n{log}");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        FixtureDirectory.Delete(_process.Directory);
    }
}
