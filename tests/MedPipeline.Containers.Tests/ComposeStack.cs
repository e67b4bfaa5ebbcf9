namespace MedPipeline.Containers.Tests;

/// <summary>
/// docker-compose.yml with infra/compose.host-network.yml, as docs/deployment.md runs it here: the broker and the
/// database first, then the broker users' passwords (infra/rabbitmq/set-passwords.sh), then everything, each container
/// healthy. Disposing it is <c>docker-compose down -v</c>: containers and named volumes go.
/// </summary>
internal sealed class ComposeStack : IAsyncDisposable
{
    public const string Project = "medpipe-containers";
    public static readonly string[] Services =
        ["rabbitmq", "postgres", "samplebackend", "orchestrator", "unpacker", "preprocessor", "inference", "statuscallback", "gateway", "prometheus"];

    private readonly DockerEngine _engine;
    private readonly ComposeSecrets _secrets;

    private ComposeStack(DockerEngine engine, ComposeSecrets secrets)
    {
        _engine = engine;
        _secrets = secrets;
    }

    /// <summary>The compose command line with its files, as set-passwords.sh's COMPOSE takes it.</summary>
    private string[] ComposeCommand =>
        ["docker-compose", "--env-file", _secrets.EnvFile, "-p", Project, "-f", "docker-compose.yml", "-f", "infra/compose.host-network.yml"];

    public static async Task<ComposeStack> UpAsync(DockerEngine engine, ComposeSecrets secrets, TimeSpan healthTimeout)
    {
        var stack = new ComposeStack(engine, secrets);
        try
        {
            // What an interrupted earlier run may have left.
            await stack.ComposeAsync(TimeSpan.FromMinutes(3), "down", "-v", "--remove-orphans", "--timeout", "10");
            await stack.ComposeAsync(TimeSpan.FromMinutes(3), "up", "-d", "--no-build", "rabbitmq", "postgres");
            await stack.WaitUntilHealthyAsync(["rabbitmq", "postgres"], healthTimeout);
            var environment = new Dictionary<string, string>(secrets.Values.Concat(engine.Environment))
            {
                ["COMPOSE"] = string.Join(' ', stack.ComposeCommand),
            };
            await CommandLine.RunCheckedAsync("bash", ["infra/rabbitmq/set-passwords.sh"], environment, TimeSpan.FromMinutes(3));
            await stack.ComposeAsync(TimeSpan.FromMinutes(5), "up", "-d", "--no-build");
            await stack.WaitUntilHealthyAsync(Services, healthTimeout);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>One container's settings through a Go template of docker inspect.</summary>
    public async Task<string> InspectAsync(string service, string format)
    {
        var id = (await ComposeAsync(TimeSpan.FromMinutes(1), "ps", "-q", service)).Trim();
        return (await CommandLine.RunCheckedAsync("docker", ["inspect", "--format", format, id], _engine.Environment, TimeSpan.FromMinutes(1))).Trim();
    }

    public async Task<string> LogsAsync()
    {
        var result = await CommandLine.RunAsync(ComposeCommand[0], [.. ComposeCommand[1..], "logs", "--no-color", "--tail", "40"],
            _engine.Environment, TimeSpan.FromMinutes(1));
        return result.Output;
    }

    private async Task WaitUntilHealthyAsync(string[] services, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var states = "";
        while (DateTime.UtcNow < deadline)
        {
            var ids = (await ComposeAsync(TimeSpan.FromMinutes(1), ["ps", "-q", .. services])).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var result = await CommandLine.RunAsync("docker", ["inspect", "--format", "{{.Name}} {{.State.Status}} {{.State.Health.Status}}", .. ids],
                _engine.Environment, TimeSpan.FromMinutes(1));
            states = result.Output;
            var healthy = states.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => line.EndsWith(" healthy", StringComparison.Ordinal));
            if (result.ExitCode == 0 && ids.Length == services.Length && healthy == services.Length)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2));
        }

        throw new TimeoutException($"Not every container of {string.Join(", ", services)} was healthy within {timeout}:\n{states}\n{await LogsAsync()}");
    }

    private Task<string> ComposeAsync(TimeSpan timeout, params string[] command) =>
        CommandLine.RunCheckedAsync(ComposeCommand[0], [.. ComposeCommand[1..], .. command], _engine.Environment, timeout);

    public async ValueTask DisposeAsync() =>
        await ComposeAsync(TimeSpan.FromMinutes(6), "down", "-v", "--remove-orphans", "--timeout", "20");
}
