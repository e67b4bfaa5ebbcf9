using System.Globalization;

namespace MedPipeline.LocalStack;

/// <summary>
/// Every pipeline executable as its own process on loopback (the demo and the integration tests):
/// the sample backend, orchestrator, four workers and the gateway, sharing one store directory,
/// configured through environment variables only, each ready when its /health/ready answers 200.
/// Workers can be killed with SIGKILL and started again to test crash recovery.
/// </summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private readonly PipelineSettings _settings;
    private readonly Dictionary<string, string> _environment;
    private readonly Dictionary<string, (ServiceProcess Process, int Port)> _running = [];

    private LocalPipeline(PipelineSettings settings, string directory, Uri sampleBackend)
    {
        _settings = settings;
        Directory = directory;
        SampleBackend = sampleBackend;
        StorePath = Path.Combine(directory, "store");
        _environment = new Dictionary<string, string>(settings.Settings)
        {
            ["RabbitMq__Uri"] = settings.Broker.AmqpUri().ToString(),
            ["ConnectionStrings__Orchestrator"] = settings.DatabaseConnectionString,
            ["Store__Path"] = StorePath,
            ["Models__Path"] = Path.Combine(settings.Checkout, "models"),
            [$"Organizations__{settings.Organization}__CallbackBaseUrl"] = sampleBackend.ToString(),
            ["DOTNET_gcServer"] = "0",
        };
    }

    public string Directory { get; }

    public string StorePath { get; }

    public Uri SampleBackend { get; }

    public Uri Gateway => AddressOf(PipelineService.Gateway);

    public string Organization => _settings.Organization;

    public RabbitMqEndpoint Broker => _settings.Broker;

    public static async Task<LocalPipeline> StartAsync(PipelineSettings settings)
    {
        var directory = FixtureDirectory.Create("pipeline");
        var backendPort = FreeTcpPort.Next();
        var pipeline = new LocalPipeline(settings, directory, new Uri($"http://127.0.0.1:{backendPort}/"));
        try
        {
            await pipeline.StartServiceAsync(PipelineService.SampleBackend, backendPort, "received");
            foreach (var name in PipelineService.All.Where(n => n != PipelineService.SampleBackend))
            {
                await pipeline.StartAsync(name);
            }

            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    public Uri AddressOf(string name) => new($"http://127.0.0.1:{_running[name].Port}/");

    public int PidOf(string name) => _running[name].Process.Pid;

    /// <summary>Everything a service wrote (every start of it), one JSON log line per line.</summary>
    public string[] FullLogOf(string name)
    {
        using var stream = new FileStream(Path.Combine(Directory, $"{name}.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public string LogOf(string name) => _running.TryGetValue(name, out var service) ? service.Process.Tail(80) : "(not running)";

    /// <summary>Starts (or starts again) one service and waits until it is ready.</summary>
    public Task StartAsync(string name) => StartServiceAsync(name, FreeTcpPort.Next(), "health/ready");

    /// <summary>SIGKILL: the process dies at once, mid-message if it was working.</summary>
    public async Task KillAsync(string name)
    {
        if (_running.Remove(name, out var service))
        {
            await service.Process.KillAsync();
            await service.Process.DisposeAsync();
        }
    }

    public async Task StopAsync(string name)
    {
        if (_running.Remove(name, out var service))
        {
            await service.Process.DisposeAsync();
        }
    }

    private async Task StartServiceAsync(string name, int port, string readinessPath)
    {
        var dll = PipelineService.DllIn(_settings.Checkout, name, _settings.Configuration);
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution ({_settings.Configuration}) first.");
        }

        var environment = new Dictionary<string, string>(_environment)
        {
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["ASPNETCORE_CONTENTROOT"] = PipelineService.FolderIn(_settings.Checkout, name),
        };
        var process = ServiceProcess.Start(name, Directory, "dotnet", [dll], environment, runAsUser: null);
        _running[name] = (process, port);
        using var http = new HttpClient { BaseAddress = AddressOf(name), Timeout = TimeSpan.FromSeconds(5) };
        await Readiness.WaitAsync(process, name, _settings.StartTimeout, async token =>
        {
            using var response = await http.GetAsync(readinessPath, token);
            return response.IsSuccessStatusCode;
        });
    }

    public async ValueTask DisposeAsync()
    {
        // The gateway first (no new work), the backend last (callbacks in flight can still land).
        foreach (var name in PipelineService.All.Reverse())
        {
            await StopAsync(name);
        }

        FixtureDirectory.Delete(Directory);
    }
}
