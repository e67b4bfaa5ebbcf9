using System.Globalization;
using System.Text.Json;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests.Prometheus;

/// <summary>
/// Debian's real /usr/bin/prometheus (2.42, installed by infra/setup.sh) on a free loopback port, with its own
/// configuration folder and time series database in a fixture directory, stopped by its PID on dispose.
/// </summary>
internal sealed class PrivatePrometheus : IAsyncDisposable
{
    public const string Executable = "/usr/bin/prometheus";

    private readonly ServiceProcess _process;
    private readonly HttpClient _http;

    private PrivatePrometheus(ServiceProcess process, string directory, Uri address)
    {
        _process = process;
        Directory = directory;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Directory { get; }

    public string Log => _process.Tail(40);

    /// <summary>Starts Prometheus on the configuration <paramref name="writeConfiguration"/> writes into its folder (it returns the file's path).</summary>
    public static async Task<PrivatePrometheus> StartAsync(Func<string, string> writeConfiguration, TimeSpan timeout)
    {
        var directory = FixtureDirectory.Create("prometheus");
        var port = FreeTcpPort.Next();
        var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        var configuration = writeConfiguration(directory);
        var process = ServiceProcess.Start("prometheus", directory, Executable,
        [
            $"--config.file={configuration}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--log.level=warn",
        ], new Dictionary<string, string>(), runAsUser: null);
        var prometheus = new PrivatePrometheus(process, directory, address);
        try
        {
            await Readiness.WaitAsync(process, "prometheus", timeout, async token =>
            {
                using var response = await prometheus._http.GetAsync(new Uri("-/ready", UriKind.Relative), token);
                return response.IsSuccessStatusCode;
            });
            return prometheus;
        }
        catch
        {
            await prometheus.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query through the HTTP API: the API's status ("success" or "error") and the result (empty on error).</summary>
    public async Task<(string Status, IReadOnlyList<PrometheusSample> Result, string Body)> QueryAsync(string query)
    {
        using var response = await _http.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        var status = json.RootElement.GetProperty("status").GetString()!;
        if (status != "success")
        {
            return (status, [], body);
        }

        var data = json.RootElement.GetProperty("data");
        var result = data.GetProperty("resultType").GetString() == "vector"
            ? data.GetProperty("result").EnumerateArray().Select(PrometheusSample.From).ToList()
            : [PrometheusSample.FromScalar(data.GetProperty("result"))];
        return (status, result, body);
    }

    /// <summary>Polls an instant query until <paramref name="done"/> holds for its result, or the time is up (then returns the last result).</summary>
    public Task<IReadOnlyList<PrometheusSample>> WaitForAsync(string query, Func<IReadOnlyList<PrometheusSample>, bool> done, TimeSpan timeout) =>
        Polling.UntilAsync(async () => (await QueryAsync(query)).Result, done, timeout);

    /// <summary>The active alerts (pending and firing), each as its labels and state.</summary>
    public async Task<IReadOnlyList<PrometheusAlert>> AlertsAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri("api/v1/alerts", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray().Select(PrometheusAlert.From)];
    }

    /// <summary>Every alerting rule Prometheus loaded, with the health of its last evaluation ("ok", "err", "unknown").</summary>
    public async Task<IReadOnlyList<(string Name, string Health, string Error)>> RulesAsync()
    {
        // Rules are evaluated every second here: wait for one evaluation of each, so "unknown" means never evaluated.
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri("api/v1/rules?type=alert", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(group => group.GetProperty("rules").EnumerateArray())
            .Select(rule => (rule.GetProperty("name").GetString()!, rule.GetProperty("health").GetString()!,
                rule.TryGetProperty("lastError", out var error) ? error.GetString() ?? "" : ""))];
    }

    /// <summary>Every scrape target's job, address and health ("up", "down", "unknown").</summary>
    public async Task<IReadOnlyList<(string Job, string Url, string Health, string Error)>> TargetsAsync()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync(new Uri("api/v1/targets?state=active", UriKind.Relative)));
        return [.. json.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray().Select(t => (
            t.GetProperty("labels").GetProperty("job").GetString()!, t.GetProperty("scrapeUrl").GetString()!,
            t.GetProperty("health").GetString()!, t.GetProperty("lastError").GetString() ?? ""))];
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
        FixtureDirectory.Delete(Directory);
    }
}
