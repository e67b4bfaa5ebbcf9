using System.Diagnostics;
using System.Text.Json;
using MedPipeline.Contracts;
using MedPipeline.Testing;

namespace MedPipeline.Pipeline.Tests;

/// <summary>The documented non-.NET path: infra/examples/direct_enqueue.py (Python standard library only).</summary>
public sealed class When_a_backend_enqueues_directly
{
    [Test]
    public async Task The_documented_example_uploads_the_zip_through_the_gateway_publishes_the_command_and_the_callback_arrives()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", 2);
        var seriesId = SeriesClient.NewSeriesId();
        var zip = Path.Combine(Path.GetTempPath(), series.FileName);
        await File.WriteAllBytesAsync(zip, series.Zip);
        var pipeline = Pipeline.Running;
        // As a hospital backend would: its organization's ingress user, which may only publish PredictSeries.
        var ingress = pipeline.BrokerUsers.IngressOf(pipeline.Organization);
        try
        {
            var output = await RunAsync("/usr/bin/python3", Path.Combine(RepositoryPaths.Root, "infra", "examples", "direct_enqueue.py"),
                "--zip", zip, "--study", series.StudyInstanceUid, "--series", series.SeriesInstanceUid, "--model-type", "ct-lesion-classifier",
                "--series-id", seriesId, "--organization", pipeline.Organization, "--gateway", pipeline.Gateway.ToString(), "--api-key", pipeline.ApiKey,
                "--management", pipeline.Broker.ManagementUri.ToString(), "--user", ingress.User, "--password", ingress.Password,
                "--endpoints", "/nonexistent/endpoints.json");

            using var printed = JsonDocument.Parse(output);
            Assert.That(printed.RootElement.GetProperty("correlationId").GetGuid(),
                Is.EqualTo(SeriesCorrelation.For(pipeline.Organization, series.StudyInstanceUid, series.SeriesInstanceUid, "ct-lesion-classifier")));
            Assert.That(printed.RootElement.GetProperty("archiveKey").GetString(), Does.StartWith($"archives/{pipeline.Organization}/"),
                "under the organization's prefix, or the orchestrator refuses the command");
            var callback = (await client.SettledCallbacksAsync(seriesId, 1)).Single();
            Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("completed"), callback.ToString());
            Assert.That(callback.GetProperty("result").GetProperty("instance_count").GetInt32(), Is.EqualTo(2));
        }
        finally
        {
            File.Delete(zip);
        }
    }

    private static async Task<string> RunAsync(string executable, params string[] arguments)
    {
        var info = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await stderr);
        return await stdout;
    }
}
