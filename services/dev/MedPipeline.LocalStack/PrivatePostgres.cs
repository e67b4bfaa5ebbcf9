using System.Globalization;
using Npgsql;

namespace MedPipeline.LocalStack;

/// <summary>
/// A PostgreSQL 15 cluster of our own (Debian's binaries) on a free loopback port in a temp directory.
/// Every login needs its password (scram-sha-256, also for the random superuser password); the
/// pipeline's roles (<see cref="PipelineDatabaseRoles"/>) are created at start. With a
/// <see cref="PostgresServerCertificate"/> the server also speaks TLS (ssl=on).
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private readonly string[] _arguments;
    private readonly string _superuser;
    private ServiceProcess _process;

    private PrivatePostgres(ServiceProcess process, string[] arguments, string superuser, PostgresEndpoint endpoint)
    {
        _process = process;
        _arguments = arguments;
        _superuser = superuser;
        Endpoint = endpoint;
    }

    private static readonly string[] ThrowAwaySettings = ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];

    public PostgresEndpoint Endpoint { get; }

    public int Pid => _process.Pid;

    public static string BinDirectory =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
            : "";

    /// <param name="durable">
    /// True for the demo (the project's main job: a series answered 202 must survive a crash of its database);
    /// false for tests that never crash theirs, which trade durability (fsync, synchronous commit, full-page writes) for speed.
    /// </param>
    public static async Task<PrivatePostgres> StartAsync(TimeSpan timeout, PostgresServerCertificate? tls = null, bool durable = false)
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
        var password = PostgresRoleLogins.NewPassword();
        var passwordFile = WritePrivateFile(directory, "superuser-password", password);
        string[] ssl = tls is null ? [] :
        [
            "-c", "ssl=on",
            "-c", $"ssl_cert_file={WritePrivateFile(directory, "server.crt", tls.CertificatePem)}",
            "-c", $"ssl_key_file={WritePrivateFile(directory, "server.key", tls.PrivateKeyPem)}",
        ];
        var noEnvironment = new Dictionary<string, string>();
        if (ServiceProcess.RunningAsRoot)
        {
            await ServiceProcess.RunToCompletionAsync("chown", directory, "/bin/chown",
                ["-R", $"{ServiceUser}:{ServiceUser}", directory], noEnvironment, null, TimeSpan.FromSeconds(30));
        }

        await ServiceProcess.RunToCompletionAsync("initdb", directory, Path.Combine(bin, "initdb"),
            // scram-sha-256 for every pg_hba line (local socket, 127.0.0.1/32, ::1/128): no login without its password.
            ["-D", data, "-U", "postgres", "-A", "scram-sha-256", $"--pwfile={passwordFile}", "-E", "UTF8", "--no-locale", .. durable ? Array.Empty<string>() : ["--no-sync"]],
            noEnvironment, ServiceUser, TimeSpan.FromSeconds(120));
        File.Delete(passwordFile);

        var port = FreeTcpPort.Next();
        string[] arguments =
        [
            "-D", data, "-p", port.ToString(CultureInfo.InvariantCulture), "-k", sockets,
            "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300",
            .. durable ? [] : ThrowAwaySettings,
            .. ssl,
        ];
        var process = ServiceProcess.Start("postgres", directory, Path.Combine(bin, "postgres"), arguments, noEnvironment, ServiceUser);
        var connectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = password,
            Database = "postgres",
            Timeout = 5,
        }.ConnectionString;
        try
        {
            await WaitReadyAsync(process, connectionString, timeout);
            return new PrivatePostgres(process, arguments, connectionString, await PostgresEndpoint.WithRolesAsync(connectionString, PostgresRoleLogins.NewRandom()));
        }
        catch
        {
            await StopAsync(process);
            throw;
        }
    }

    /// <summary>0600 (PostgreSQL refuses a key others can read); the whole directory goes to the server's user afterwards.</summary>
    private static string WritePrivateFile(string directory, string name, string content)
    {
        var path = Path.Combine(directory, name);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(new FileStream(path, options)))
        {
            writer.Write(content);
        }

        return path;
    }

    /// <summary>
    /// A crash: SIGQUIT is PostgreSQL's "immediate shutdown" (no checkpoint, every backend quits at once; what a power
    /// loss leaves is recovered from the WAL at the next start). Then the same cluster starts again on the same port.
    /// </summary>
    public async Task CrashAndRestartAsync(TimeSpan timeout)
    {
        var directory = _process.Directory;
        await _process.StopAsync(Posix.SigQuit, TimeSpan.FromSeconds(10));
        await _process.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        _process = ServiceProcess.Start("postgres", directory, Path.Combine(BinDirectory, "postgres"), _arguments, new Dictionary<string, string>(), ServiceUser);
        await WaitReadyAsync(_process, _superuser, timeout);
    }

    private static Task WaitReadyAsync(ServiceProcess process, string connectionString, TimeSpan timeout) =>
        Readiness.WaitAsync(process, "PostgreSQL", timeout, async token =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            return true;
        });

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await StopAsync(_process);
    }

    private static async Task StopAsync(ServiceProcess process)
    {
        // SIGINT is PostgreSQL's "fast shutdown".
        await process.StopAsync(Posix.SigInt, TimeSpan.FromSeconds(10));
        await process.DisposeAsync();
        FixtureDirectory.Delete(process.Directory);
    }
}
