using System.Globalization;
using MedPipeline.LocalStack.Broker;

namespace MedPipeline.LocalStack;

/// <summary>
/// A RabbitMQ node of our own (Debian's rabbitmq-server) on free loopback ports in a temp directory,
/// with the management and prometheus plugins, its own epmd and Erlang cookie. It never has <c>guest</c>: its first
/// boot creates <see cref="PipelineBrokerAccess.AdministratorUser"/> with a random password instead (for set-up
/// and the management UI); the services get users of their own (<see cref="BrokerUsers"/>).
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private const string ServiceUser = "rabbitmq";
    private readonly ServiceProcess _process;
    private readonly IReadOnlyDictionary<string, string> _environment;

    private PrivateRabbitMq(ServiceProcess process, RabbitMqEndpoint endpoint, IReadOnlyDictionary<string, string> environment, int? amqpsPort)
    {
        _process = process;
        Endpoint = endpoint;
        _environment = environment;
        AmqpsPort = amqpsPort;
    }

    public RabbitMqEndpoint Endpoint { get; }

    /// <summary>The amqps port when started with a <see cref="RabbitMqTlsListener"/>.</summary>
    public int? AmqpsPort { get; }

    public int Pid => _process.Pid;

    public static async Task<PrivateRabbitMq> StartAsync(TimeSpan timeout, RabbitMqTlsListener? tls = null)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException($"{ServerScript} is missing: run infra/setup.sh (apt-get install rabbitmq-server).");
        }

        var directory = FixtureDirectory.Create("rabbitmq");
        int amqp = FreeTcpPort.Next(), management = FreeTcpPort.Next(), prometheus = FreeTcpPort.Next();
        int dist = FreeTcpPort.Next(), epmd = FreeTcpPort.Next();
        int? amqps = tls is null ? null : FreeTcpPort.Next();
        foreach (var sub in new[] { "mnesia", "log", "home" })
        {
            Directory.CreateDirectory(Path.Combine(directory, sub));
        }

        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), "[rabbitmq_management,rabbitmq_prometheus].\n");
        var administrator = BrokerCredentials.WithNewPassword(PipelineBrokerAccess.AdministratorUser);
        // Holds the administrator's password: readable by its owner only (rabbitmq, after the chown below).
        OwnerOnlyFile.Write(Path.Combine(directory, "rabbitmq.conf"), string.Create(CultureInfo.InvariantCulture, $"""
            listeners.tcp.1 = 127.0.0.1:{amqp}
            management.tcp.port = {management}
            management.tcp.ip = 127.0.0.1
            prometheus.tcp.port = {prometheus}
            prometheus.tcp.ip = 127.0.0.1
            log.console = true
            log.console.level = warning
            log.file = false
            default_user = {administrator.User}
            default_pass = {administrator.Password}
            default_user_tags.administrator = true
            default_permissions.configure = .*
            default_permissions.write = .*
            default_permissions.read = .*

            """) + tls?.Configure(directory, amqps!.Value));
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), "");
        if (ServiceProcess.RunningAsRoot)
        {
            await ServiceProcess.RunToCompletionAsync("chown", directory, "/bin/chown",
                ["-R", $"{ServiceUser}:{ServiceUser}", directory], new Dictionary<string, string>(), null, TimeSpan.FromSeconds(30));
        }

        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(directory, "home"),
            ["RABBITMQ_NODENAME"] = $"medpipe{amqp}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqp.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = dist.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = epmd.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbitmq.pid"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
            // Run erl in the foreground (exec), so the process we start is the node itself.
            ["RABBITMQ_ALLOW_INPUT"] = "1",
        };
        var process = ServiceProcess.Start("rabbitmq", directory, ServerScript, [], environment, ServiceUser);
        var endpoint = new RabbitMqEndpoint(
            "127.0.0.1", amqp,
            new Uri($"http://127.0.0.1:{management}/"),
            new Uri($"http://127.0.0.1:{prometheus}/metrics"),
            administrator.User, administrator.Password);
        var broker = new PrivateRabbitMq(process, endpoint, environment, amqps);
        try
        {
            using var api = endpoint.CreateManagementClient();
            await Readiness.WaitAsync(process, "RabbitMQ", timeout, async token =>
            {
                using var response = await api.GetAsync("api/overview", token);
                return response.IsSuccessStatusCode && await FreeTcpPort.AnswersAsync(endpoint.AmqpPort, token)
                    && (amqps is null || await FreeTcpPort.AnswersAsync(amqps.Value, token));
            });
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }

        return broker;
    }

    /// <summary>
    /// <c>rabbitmqctl stop_app</c>: the node keeps running but closes every connection and refuses new ones,
    /// as a broker restart looks to its clients. Queues and their messages stay (quorum queues are durable).
    /// </summary>
    public Task StopAppAsync() => ControlAsync("stop_app");

    /// <summary><c>rabbitmqctl start_app</c>, then waits until the AMQP port answers again.</summary>
    public async Task StartAppAsync()
    {
        await ControlAsync("start_app");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await FreeTcpPort.AnswersAsync(Endpoint.AmqpPort, cts.Token))
        {
            await Task.Delay(100, cts.Token);
        }
    }

    private Task ControlAsync(string command) => ServiceProcess.RunToCompletionAsync(
        $"rabbitmqctl-{command}", _process.Directory, ControlScript, [command], _environment, ServiceUser, TimeSpan.FromSeconds(60));

    public async ValueTask DisposeAsync()
    {
        // Its files are deleted next: RabbitMQ's own orderly stop (6 s of quorum-queue and plugin shutdown here) buys
        // nothing, and the demo must stop everything within 10 s of Ctrl-C.
        await _process.KillAllAsync();
        await _process.DisposeAsync();
        FixtureDirectory.Delete(_process.Directory);
    }
}
