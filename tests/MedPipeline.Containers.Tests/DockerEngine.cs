using System.Diagnostics;
using MedPipeline.LocalStack;

namespace MedPipeline.Containers.Tests;

/// <summary>
/// The Docker engine the test talks to: the one DOCKER_HOST or /var/run/docker.sock reaches, or else a dockerd started
/// here (stopped again by its PID) the way these machines allow: the vfs storage driver, no iptables, no bridge
/// (containers use the host network), its socket under a private folder. Its data root stays at
/// <see cref="DataRoot"/> so that the next run on the same machine finds the images built by this one.
/// </summary>
internal sealed class DockerEngine : IAsyncDisposable
{
    public const string DataRoot = "/var/tmp/medpipe-docker/engine";
    private const int SigTerm = 15;
    private readonly ServiceProcess? _started;
    private readonly string? _runDirectory;

    private DockerEngine(string host, ServiceProcess? started, string? runDirectory)
    {
        Host = host;
        _started = started;
        _runDirectory = runDirectory;
    }

    /// <summary>The DOCKER_HOST value for docker and docker-compose.</summary>
    public string Host { get; }

    public bool StartedHere => _started is not null;

    /// <remarks>
    /// COMPOSE_HTTP_TIMEOUT: docker-compose 1.29 gives the engine 60 s per API call. Removing a container on the vfs
    /// driver copies nothing but deletes its whole tree, which took longer than that while another test project ran
    /// beside this one (a clean-clone run failed in "down -v" with "Read timed out"): the calls may take 5 minutes.
    /// </remarks>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["DOCKER_HOST"] = Host, ["COMPOSE_HTTP_TIMEOUT"] = "300" };

    public static async Task<DockerEngine> ReachOrStartAsync(TimeSpan timeout)
    {
        var existing = System.Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } configured ? configured
            : File.Exists("/var/run/docker.sock") ? "unix:///var/run/docker.sock" : null;
        if (existing is not null && await AnswersAsync(existing))
        {
            return new DockerEngine(existing, null, null);
        }

        var dockerd = new[] { "/usr/sbin/dockerd", "/usr/bin/dockerd" }.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"No Docker engine answers ({existing ?? "no DOCKER_HOST, no /var/run/docker.sock"}) and dockerd is not installed: " +
            "install Debian's docker.io (infra/setup.sh does) or point DOCKER_HOST at an engine.");
        // Short: containerd's sockets live below the exec root and a socket path has at most 107 characters.
        var runDirectory = Directory.CreateDirectory(Path.Combine("/tmp", $"medpipe-dockerd-{System.Environment.ProcessId}")).FullName;
        Directory.CreateDirectory(DataRoot);
        var host = $"unix://{runDirectory}/docker.sock";
        var process = ServiceProcess.Start("dockerd", FixtureDirectory.Create("dockerd"), dockerd,
        [
            "--storage-driver", "vfs", "--iptables=false", "--ip-masq=false", "--bridge=none",
            "--data-root", DataRoot, "--exec-root", Path.Combine(runDirectory, "exec"),
            "--pidfile", Path.Combine(runDirectory, "dockerd.pid"), "-H", host,
        ], new Dictionary<string, string>(), runAsUser: null);
        var engine = new DockerEngine(host, process, runDirectory);
        var waited = Stopwatch.StartNew();
        while (!await AnswersAsync(host))
        {
            if (process.HasExited || waited.Elapsed > timeout)
            {
                var log = process.Tail(40);
                await engine.DisposeAsync();
                throw new InvalidOperationException(
                    $"dockerd did not start ({(process.HasExited ? "it exited" : $"no answer within {timeout}")}); so the containers cannot be tested here. Its log:\n{log}");
            }

            await Task.Delay(250);
        }

        return engine;
    }

    private static async Task<bool> AnswersAsync(string host)
    {
        var result = await CommandLine.RunAsync("docker", ["version", "--format", "{{.Server.Version}}"],
            new Dictionary<string, string> { ["DOCKER_HOST"] = host }, TimeSpan.FromSeconds(20));
        return result.ExitCode == 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is null)
        {
            return;
        }

        // dockerd stops what still runs (containers get their own stop timeout) before it exits.
        await _started.StopAsync(SigTerm, TimeSpan.FromSeconds(60));
        await _started.DisposeAsync();
        FixtureDirectory.Delete(_started.Directory);
        // dockerd leaves its network namespace handle mounted below the exec root.
        var namespaceHandle = Path.Combine(_runDirectory!, "exec", "netns", "default");
        if (File.Exists(namespaceHandle))
        {
            await CommandLine.RunAsync("umount", [namespaceHandle], new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        }

        try
        {
            Directory.Delete(_runDirectory!, recursive: true);
        }
        catch (IOException)
        {
            // Still mounted (umount refused): the folder holds nothing but that handle.
        }
    }
}
