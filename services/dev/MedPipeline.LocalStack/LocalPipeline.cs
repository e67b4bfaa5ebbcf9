using System.Collections.Concurrent;
using System.Globalization;
using MedPipeline.LocalStack.Broker;
using MedPipeline.Organizations;

namespace MedPipeline.LocalStack;

/// <summary>
/// Every pipeline executable as its own process on loopback (the demo and the integration tests):
/// the sample backend, orchestrator, four workers and the gateway, sharing one store directory,
/// configured through environment variables only, each ready when its /health/ready answers 200.
/// Workers can be killed with SIGKILL and started again to test crash recovery; with
/// <see cref="PipelineSettings.RestartExitedServices"/> a service that exits on its own is started again.
/// </summary>
public sealed class LocalPipeline : IAsyncDisposable
{
    private readonly PipelineSettings _settings;
    private readonly Dictionary<string, string> _environment;
    private const char ReplicaSeparator = '#';
    private readonly ConcurrentDictionary<string, (ServiceProcess Process, int Port)> _running = [];
    private readonly ExitedServiceRestarter _restarter;
    private volatile bool _disposing;

    private LocalPipeline(PipelineSettings settings, string directory, Uri sampleBackend, BrokerUsers brokerUsers)
    {
        _settings = settings;
        BrokerUsers = brokerUsers;
        _restarter = new ExitedServiceRestarter(settings.Log);
        Directory = directory;
        SampleBackend = sampleBackend;
        StorePath = Path.Combine(directory, "store");
        ApiKey = ApiKeys.NewKey();
        OtherApiKey = ApiKeys.NewKey();
        _environment = new Dictionary<string, string>
        {
            ["Store__Path"] = StorePath,
            ["Models__Path"] = Path.Combine(settings.Checkout, "models"),
            [$"Organizations__{settings.Organization}__CallbackBaseUrl"] = sampleBackend.ToString(),
            [$"Organizations__{settings.Organization}__ApiKeys__0__Id"] = "local",
            [$"Organizations__{settings.Organization}__ApiKeys__0__Sha256"] = ApiKeys.HashOf(ApiKey),
            [$"Organizations__{settings.OtherOrganization}__CallbackBaseUrl"] = new Uri(sampleBackend, $"{settings.OtherOrganization}/").ToString(),
            [$"Organizations__{settings.OtherOrganization}__ApiKeys__0__Id"] = "local",
            [$"Organizations__{settings.OtherOrganization}__ApiKeys__0__Sha256"] = ApiKeys.HashOf(OtherApiKey),
            // The page and single images answer callers on this machine without a key; series always need one.
            ["Gateway__Identity__AllowAnonymousSingleImage"] = "true",
            ["Gateway__Identity__AnonymousFromLoopbackOnly"] = "true",
            ["DOTNET_gcServer"] = "0",
        };
        foreach (var (key, value) in settings.Settings)
        {
            _environment[key] = value;
        }
    }

    /// <summary>The API key of <see cref="Organization"/> (only its hash is in the services' configuration).</summary>
    public string ApiKey { get; }

    /// <summary>The API key of <see cref="PipelineSettings.OtherOrganization"/>.</summary>
    public string OtherApiKey { get; }

    public string OtherOrganization => _settings.OtherOrganization;

    /// <summary>An HTTP client for the gateway (or one of its replicas) that authenticates as the organization (or the other one).</summary>
    public HttpClient GatewayClient(bool asOtherOrganization = false, TimeSpan? timeout = null, string gateway = PipelineService.Gateway)
    {
        var http = new HttpClient { BaseAddress = AddressOf(gateway), Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        http.DefaultRequestHeaders.Add("X-API-Key", asOtherOrganization ? OtherApiKey : ApiKey);
        return http;
    }

    public string Directory { get; }

    public string StorePath { get; }

    public Uri SampleBackend { get; }

    public Uri Gateway => AddressOf(PipelineService.Gateway);

    public string Organization => _settings.Organization;

    /// <summary>The broker as its administrator sees it (management API, set-up); the services connect as <see cref="BrokerUsers"/>.</summary>
    public RabbitMqEndpoint Broker => _settings.Broker;

    /// <summary>Each service's own broker user and each organization's ingress user (direct enqueue).</summary>
    public BrokerUsers BrokerUsers { get; }

    public static async Task<LocalPipeline> StartAsync(PipelineSettings settings)
    {
        var directory = FixtureDirectory.Create("pipeline");
        var backendPort = FreeTcpPort.Next();
        var brokerUsers = await BrokerUsers.CreateAsync(settings.Broker, [settings.Organization, settings.OtherOrganization]);
        var pipeline = new LocalPipeline(settings, directory, new Uri($"http://127.0.0.1:{backendPort}/"), brokerUsers);
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

    /// <summary>
    /// Starts one more instance of a service beside the running one (as a scaled-out deployment runs it: same broker
    /// user, database login and store) and waits until it is ready. Returns its instance name ("{name}#{replica}")
    /// for <see cref="AddressOf"/>, <see cref="PidOf"/>, <see cref="LogOf"/> and <see cref="StopAsync"/>.
    /// </summary>
    public async Task<string> StartReplicaAsync(string name, int replica)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(replica, 2);
        var instance = $"{name}{ReplicaSeparator}{replica}";
        await StartServiceAsync(instance, FreeTcpPort.Next(), "health/ready");
        return instance;
    }

    /// <summary>Starts (or starts again) one service and waits until it is ready.</summary>
    public Task StartAsync(string name) => StartServiceAsync(name, FreeTcpPort.Next(), "health/ready");

    /// <summary>SIGKILL: the process dies at once, mid-message if it was working.</summary>
    public async Task KillAsync(string name)
    {
        if (_running.TryRemove(name, out var service))
        {
            await service.Process.KillAsync();
            await service.Process.DisposeAsync();
        }
    }

    /// <summary>SIGTERM to one service (it is not restarted); how long it took to exit, or null when not within <paramref name="within"/>.</summary>
    public async Task<TimeSpan?> TerminateAsync(string name, TimeSpan within)
    {
        if (!_running.TryRemove(name, out var service))
        {
            throw new InvalidOperationException($"{name} is not running.");
        }

        var exitedAfter = await service.Process.StopAsync(Posix.SigTerm, within);
        await service.Process.DisposeAsync();
        return exitedAfter;
    }

    public async Task StopAsync(string name)
    {
        if (_running.TryRemove(name, out var service))
        {
            await service.Process.DisposeAsync();
        }
    }

    private async Task StartServiceAsync(string name, int port, string readinessPath)
    {
        var process = StartProcess(name, port);
        using var http = new HttpClient { BaseAddress = AddressOf(name), Timeout = TimeSpan.FromSeconds(5) };
        await Readiness.WaitAsync(process, name, _settings.StartTimeout, async token =>
        {
            using var response = await http.GetAsync(readinessPath, token);
            return response.IsSuccessStatusCode;
        });
        if (_settings.RestartExitedServices && name != PipelineService.SampleBackend)
        {
            _ = _restarter.SuperviseAsync(name, process, IsCurrent, async exited =>
            {
                await exited.DisposeAsync();
                return StartProcess(name, port);
            });
        }

        bool IsCurrent(ServiceProcess candidate) => !_disposing && _running.TryGetValue(name, out var current) && current.Process == candidate;
    }

    private ServiceProcess StartProcess(string instance, int port)
    {
        var name = ServiceOf(instance);
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
        if (BrokerUsers.HasUser(name))
        {
            environment["RabbitMq__Uri"] = BrokerUsers.AmqpUriOf(name).ToString();
        }

        // Each service gets its own database login or none: the orchestrator owns the tables, the gateway reads the status read model.
        if (name == PipelineService.Orchestrator)
        {
            environment["ConnectionStrings__Orchestrator"] = _settings.Database.Orchestrator;
        }
        else if (name == PipelineService.Gateway)
        {
            environment["ConnectionStrings__SeriesStatus"] = _settings.Database.Gateway;
            environment["Gateway__Admin__Broker__Uri"] = BrokerUsers.OpsAmqpUri.ToString();
            environment["Gateway__Admin__Broker__ManagementUri"] = BrokerUsers.ManagementUri.ToString();
        }

        var process = ServiceProcess.Start(instance, Directory, "dotnet", [dll], environment, runAsUser: null);
        _running[instance] = (process, port);
        return process;
    }

    private static string ServiceOf(string instance) => instance.Split(ReplicaSeparator)[0];

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        // The gateway first (no new work), then the others together (each stops within its own grace), the backend
        // last (callbacks in flight can still land).
        await Task.WhenAll(_running.Keys.Where(k => ServiceOf(k) == PipelineService.Gateway).Select(StopAsync));
        await Task.WhenAll(_running.Keys.Where(k => ServiceOf(k) is not PipelineService.Gateway and not PipelineService.SampleBackend).Select(StopAsync));
        await StopAsync(PipelineService.SampleBackend);

        FixtureDirectory.Delete(Directory);
    }
}
