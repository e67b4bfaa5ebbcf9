using System.Globalization;
using Npgsql;

namespace MedPipeline.LocalStack;

/// <summary>A PostgreSQL 15 cluster of our own (Debian's binaries) on a free loopback port in a temp directory.</summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly ServiceProcess _process;

    private PrivatePostgres(ServiceProcess process, PostgresEndpoint endpoint)
    {
        _process = process;
        Endpoint = endpoint;
    }

    public PostgresEndpoint Endpoint { get; }

    public int Pid => _process.Pid;

    public static string BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
            : "";

    public static async Task<PrivatePostgres> StartAsync(TimeSpan timeout)
    {
        var bin = BinDirectory;
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL binaries are missing: run infra/setup.sh (apt-get install postgresql).");
        }

        var directory = FixtureDirectory.Create("postgres");
        var data = Path.Combine(directory, "data");
        var sockets = Path.Combine(directory, "sockets");
        Directory.CreateDirectory(sockets);
        var noEnvironment = new Dictionary<string, string>();
        if (ServiceProcess.RunningAsRoot)
        {
            await ServiceProcess.RunToCompletionAsync("chown", directory, "/bin/chown",
                ["-R", $"{ServiceUser}:{ServiceUser}", directory], noEnvironment, null, TimeSpan.FromSeconds(30));
        }

        await ServiceProcess.RunToCompletionAsync("initdb", directory, Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
            noEnvironment, ServiceUser, TimeSpan.FromSeconds(120));

        var port = FreeTcpPort.Next();
        var process = ServiceProcess.Start("postgres", directory, Path.Combine(bin, "postgres"),
        [
            "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", sockets,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            // Test data is throw-away: trade durability for speed.
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
        ], noEnvironment, ServiceUser);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
            Timeout = 5,
        }.ConnectionString;
        var server = new PrivatePostgres(process, new PostgresEndpoint(connectionString));
        try
        {
            await Readiness.WaitAsync(process, "PostgreSQL", timeout, async token =>
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(token);
                return true;
            });
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        // SIGINT is PostgreSQL's "fast shutdown".
        await _process.StopAsync(Posix.SigInt, TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
        FixtureDirectory.Delete(_process.Directory);
    }
}
