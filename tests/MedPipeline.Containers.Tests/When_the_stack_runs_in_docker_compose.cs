using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Containers.Tests;

/// <summary>
/// docker-compose.yml end to end, as docs/deployment.md runs it on a machine without a registry: the images built
/// from Debian packages (cached in the engine's data root between runs), the stack up on the host network, a series
/// ZIP through the gateway, its callback at the sample backend, then down -v. No engine means a failure, not a skip.
/// </summary>
[NonParallelizable]
public sealed class When_the_stack_runs_in_docker_compose
{
    private const string ModelType = "ct-lesion-classifier";
    private const string Organization = "hospital";

    [Test]
    public async Task A_series_submitted_to_the_gateway_completes_with_its_callback_at_the_sample_backend()
    {
        var clock = Stopwatch.StartNew();
        await using var engine = await DockerEngine.ReachOrStartAsync(TimeSpan.FromSeconds(90));
        Report($"engine {(engine.StartedHere ? "started" : "reached")} at {engine.Host} in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var build = await CommandLine.RunCheckedAsync("bash", ["infra/docker/build-images.sh"], engine.Environment, TimeSpan.FromMinutes(30));
        var built = build.Split('\n').Count(line => line.Contains(" building medpipeline/", StringComparison.Ordinal));
        Report($"images ready in {clock.Elapsed.TotalSeconds:F1} s ({built} built, the rest cached)");

        var directory = FixtureDirectory.Create("compose");
        try
        {
            var secrets = ComposeSecrets.Write(directory);
            clock.Restart();
            var stack = await ComposeStack.UpAsync(engine, secrets, TimeSpan.FromMinutes(5));
            try
            {
                Report($"stack up, every container healthy, in {clock.Elapsed.TotalSeconds:F1} s");
                clock.Restart();
                await ASeriesCompletesAsync(stack, secrets.ApiKey);
                Report($"series submitted and its callback received in {clock.Elapsed.TotalSeconds:F1} s");
                await TheServicesRunHardenedAsync(stack);
            }
            finally
            {
                clock.Restart();
                await stack.DisposeAsync();
                Report($"down -v in {clock.Elapsed.TotalSeconds:F1} s");
            }
        }
        finally
        {
            FixtureDirectory.Delete(directory);
        }
    }

    private static async Task ASeriesCompletesAsync(ComposeStack stack, string apiKey)
    {
        var series = new SampleSeriesFactory(RepositoryPaths.Models).ForModel(ModelType, 2, "lesion");
        var seriesId = $"compose-{Guid.NewGuid():N}"[..20];
        using var gateway = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HostNetworkPorts.Gateway}/"), Timeout = TimeSpan.FromMinutes(1) };
        gateway.DefaultRequestHeaders.Add("X-API-Key", apiKey);
        using var form = SeriesRequestForm.Create(series, ModelType, seriesId, Organization);

        using var response = await gateway.PostAsync("api/studies/series/predict", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var callback = await CallbackAsync(stack, seriesId, TimeSpan.FromMinutes(3));
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("completed"), callback.ToString());
        Assert.That(callback.GetProperty("modelType").GetString(), Is.EqualTo(ModelType));
        Assert.That(callback.GetProperty("result").GetProperty("instance_count").GetInt32(), Is.EqualTo(2));
        Assert.That(callback.GetProperty("result").GetProperty("predicted_class").GetString(), Is.EqualTo("lesion"));
        using var status = await gateway.GetAsync(
            $"api/studies/series/{series.SeriesInstanceUid}/status?organization={Organization}&modelType={ModelType}");
        using var document = JsonDocument.Parse(await status.Content.ReadAsStringAsync());
        Assert.That(document.RootElement.GetProperty("state").GetString(), Is.EqualTo("Completed"));
    }

    /// <summary>The first callback the sample backend recorded for the series id.</summary>
    private static async Task<JsonElement> CallbackAsync(ComposeStack stack, string seriesId, TimeSpan timeout)
    {
        using var backend = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{HostNetworkPorts.SampleBackend}/"), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var received = JsonDocument.Parse(await backend.GetStringAsync("received"));
            foreach (var callback in received.RootElement.EnumerateArray().Where(c => c.GetProperty("seriesId").GetString() == seriesId))
            {
                return callback.GetProperty("body").Clone();
            }

            await Task.Delay(500);
        }

        Assert.Fail($"No callback for {seriesId} within {timeout}.\n{await stack.LogsAsync()}");
        throw new UnreachableException();
    }

    /// <summary>What docker-compose.yml promises for every service container, as the engine ran it.</summary>
    private static async Task TheServicesRunHardenedAsync(ComposeStack stack)
    {
        foreach (var service in ComposeStack.Services)
        {
            var settings = await stack.InspectAsync(service,
                "{{.Config.User}}|{{.HostConfig.ReadonlyRootfs}}|{{.HostConfig.CapDrop}}|{{.HostConfig.SecurityOpt}}|{{.HostConfig.NetworkMode}}|{{.HostConfig.RestartPolicy.Name}}|{{.HostConfig.PidsLimit}}");
            var fields = settings.Split('|');
            Assert.Multiple(() =>
            {
                Assert.That(fields[0], Is.Not.Empty.And.Not.EqualTo("root").And.Not.EqualTo("0"), $"{service} runs as a user of its own");
                Assert.That(fields[1], Is.EqualTo("true"), $"{service}: read-only root file system");
                Assert.That(fields[2], Does.Contain("ALL"), $"{service}: every capability dropped");
                Assert.That(fields[3], Does.Contain("no-new-privileges"), service);
                Assert.That(fields[4], Is.EqualTo("host"), $"{service}: the host network, never the default bridge");
                Assert.That(fields[5], Is.EqualTo("unless-stopped"), service);
                Assert.That(int.Parse(fields[6], CultureInfo.InvariantCulture), Is.GreaterThan(0), $"{service}: a pid limit");
            });
        }
    }

    private static void Report(string line) => TestContext.Progress.WriteLine($"[containers] {line}");
}
