using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks;

/// <summary>
/// End-to-end series figures on this machine: every service as its own process, the real broker and
/// database. Latency = POST accepted to the backend holding the callback; then a burst of series at once.
/// </summary>
internal static class SeriesBenchmark
{
    private const string Model = "ct-lesion-classifier";
    private const int Instances = 32;

    public static async Task RunAsync(int series)
    {
        await using var broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        await using var postgres = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90));
        await using var pipeline = await LocalPipeline.StartAsync(new PipelineSettings(RepositoryPaths.Root, TestBuild.Configuration, broker.Endpoint,
            await postgres.Endpoint.CreatePipelineDatabaseAsync("bench"))
        {
            Settings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        });
        using var gateway = pipeline.GatewayClient(timeout: TimeSpan.FromMinutes(2));
        using var backend = new HttpClient { BaseAddress = pipeline.SampleBackend };
        var samples = new SampleSeriesFactory(RepositoryPaths.Models);
        Console.WriteLine($"Series of {Instances} CT instances (128x128 16-bit) for {Model}, {Environment.ProcessorCount} cores, 7 processes");

        await OneAsync(gateway, backend, pipeline.Organization, samples.ForModel(Model, Instances), "warm-up");
        var latencies = new List<double>();
        for (var i = 0; i < series; i++)
        {
            latencies.Add(await OneAsync(gateway, backend, pipeline.Organization, samples.ForModel(Model, Instances), $"seq-{i}"));
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one at a time: {series} series, submit-to-callback p50 {Percentiles.Of(latencies, 50):F0} ms, p99 {Percentiles.Of(latencies, 99):F0} ms, max {latencies[^1]:F0} ms"));

        var burst = Enumerable.Range(0, series).Select(i => (Series: samples.ForModel(Model, Instances), Id: $"burst-{i}")).ToList();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(burst.Select(b => SubmitAsync(gateway, pipeline.Organization, b.Series, b.Id)));
        foreach (var (_, id) in burst)
        {
            await CallbackAsync(backend, id);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{series} at once: all callbacks after {seconds:F1} s = {series / seconds:F2} series/s, {series * Instances / seconds:F0} instances/s"));
    }

    private static async Task<double> OneAsync(HttpClient gateway, HttpClient backend, string organization, SampleSeries series, string id)
    {
        var watch = Stopwatch.StartNew();
        await SubmitAsync(gateway, organization, series, id);
        await CallbackAsync(backend, id);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task SubmitAsync(HttpClient gateway, string organization, SampleSeries series, string id)
    {
        using var form = SeriesRequestForm.Create(series, Model, id, organization);
        using var response = await gateway.PostAsync("api/studies/series/predict", form);
        response.EnsureSuccessStatusCode();
    }

    private static async Task CallbackAsync(HttpClient backend, string id)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            using var received = JsonDocument.Parse(await backend.GetStringAsync("received"));
            if (received.RootElement.EnumerateArray().Any(c => c.GetProperty("seriesId").GetString() == id))
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no callback for {id}");
    }
}
