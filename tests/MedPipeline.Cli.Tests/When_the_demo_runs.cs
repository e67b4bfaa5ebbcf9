using System.Globalization;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Cli.Tests;

/// <summary>The README's main command, as a newcomer runs it (each test starts and stops its own whole stack).</summary>
[NonParallelizable]
[Category(TestTiers.Slow)]
public sealed class When_the_demo_runs
{
    private static readonly string EndpointsPath = Path.Combine(RepositoryPaths.Root, ".medpipe", "endpoints.json");

    [Test]
    public async Task Every_sample_series_reaches_its_outcome_and_the_callbacks_are_printed()
    {
        var (exitCode, output, error) = await Medpipe.RunAsync(TimeSpan.FromMinutes(6),
            "demo", "--exit-when-done", "--checkout", RepositoryPaths.Root, "--configuration", TestBuild.Configuration);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output, Does.Contain("RabbitMQ management: http://127.0.0.1:"));
        Assert.That(output, Does.Contain("The sample backend received 7 callback(s)"), output);
        foreach (var seriesId in new[] { "demo-ct-lesion", "demo-ct-normal", "demo-digits", "demo-xray-normal", "demo-xray-anomaly" })
        {
            Assert.That(output, Does.Contain($"PUT /api/studies/series/{seriesId}/status\n{{\n  \"status\": \"completed\""), seriesId);
        }

        Assert.That(output, Does.Contain("PUT /api/studies/series/demo-mr-unsupported/status\n{\n  \"status\": \"not_supported\""));
        Assert.That(output, Does.Contain("PUT /api/studies/series/demo-corrupt-zip/status\n{\n  \"status\": \"failed\""));
        Assert.That(output, Does.Contain("\"predicted_class\": \"lesion\""));
        Assert.That(File.Exists(EndpointsPath), Is.False, "endpoints.json is removed when the stack stops");
    }

    [Test]
    public async Task Start_only_writes_the_endpoints_serves_them_and_stops_everything_within_10_s_of_ctrl_c()
    {
        using var process = Medpipe.Start("demo", "--start-only", "--checkout", RepositoryPaths.Root, "--configuration", TestBuild.Configuration);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var stopping = new System.Diagnostics.Stopwatch();
        var leftAfterExit = 0;
        try
        {
            var endpoints = await EndpointsAsync(process, TimeSpan.FromMinutes(3));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var root = endpoints.RootElement;
            Assert.That(root.GetProperty("organization").GetString(), Is.EqualTo("demo-hospital"));
            Assert.That((await http.GetAsync(new Uri(new Uri(root.GetProperty("gateway").GetString()!), "health/ready"))).IsSuccessStatusCode, Is.True);
            Assert.That(await http.GetStringAsync(new Uri(new Uri(root.GetProperty("sampleBackend").GetString()!), "received")), Is.EqualTo("[]"));
            using var management = await http.GetAsync(root.GetProperty("rabbitmqManagement").GetString());
            Assert.That(management.IsSuccessStatusCode, Is.True);
            var whoAmI = new Uri(new Uri(root.GetProperty("rabbitmqManagement").GetString()!), "api/whoami");
            Assert.That(await StatusAsync(http, whoAmI, root.GetProperty("rabbitmqUser").GetString()!, root.GetProperty("rabbitmqPassword").GetString()!),
                Is.EqualTo(System.Net.HttpStatusCode.OK), "the printed administrator opens the management UI");
            Assert.That(await StatusAsync(http, whoAmI, "guest", "guest"), Is.EqualTo(System.Net.HttpStatusCode.Unauthorized), "no guest");
            Assert.That(root.GetProperty("ingressUser").GetString(), Is.EqualTo("ingress-demo-hospital"));
            Assert.That(await DatabaseSettingAsync(root.GetProperty("postgres").GetString()!, "fsync"), Is.EqualTo("on"),
                "the demo's database is durable: a series answered 202 survives a crash");
            Assert.That(await DatabaseSettingAsync(root.GetProperty("postgres").GetString()!, "synchronous_commit"), Is.EqualTo("on"));
        }
        finally
        {
            stopping.Start();
            Posix.Signal(process.Id, Posix.SigInt);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Asserted below; the group is ended either way.
            }

            stopping.Stop();
            leftAfterExit = MarkedProcesses.FindAll().Count(p => p.OwnerPid == process.Id);
            await Medpipe.StopGroupAsync(process);
        }

        await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"the demo stopped {stopping.Elapsed.TotalSeconds:0.0} s after Ctrl-C"));
        Assert.That(stopping.Elapsed, Is.LessThanOrEqualTo(TimeSpan.FromSeconds(10)), "the demo stops everything within 10 s of Ctrl-C");
        Assert.That(process.ExitCode, Is.Zero, await output + await error);
        Assert.That(leftAfterExit, Is.Zero, "processes the demo started were still running after it exited");
        Assert.That(await output, Does.Contain("Stopping..."));
        Assert.That(File.Exists(EndpointsPath), Is.False);
    }

    private static async Task<string?> DatabaseSettingAsync(string connectionString, string setting)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var show = new Npgsql.NpgsqlCommand($"SHOW {setting}", connection);
        return (string?)await show.ExecuteScalarAsync();
    }

    private static async Task<System.Net.HttpStatusCode> StatusAsync(HttpClient http, Uri uri, string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<JsonDocument> EndpointsAsync(System.Diagnostics.Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (File.Exists(EndpointsPath))
            {
                try
                {
                    return JsonDocument.Parse(await File.ReadAllTextAsync(EndpointsPath));
                }
                catch (JsonException)
                {
                    // Still being written.
                }
            }

            await Task.Delay(250);
        }

        Assert.Fail("the demo never wrote .medpipe/endpoints.json");
        throw new InvalidOperationException();
    }
}
