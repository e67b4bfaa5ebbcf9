using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// Issue 12, scale-out: two orchestrators, two of every worker and two gateways on the one broker, database and
/// store (as two replicas of each Deployment run); half the series go to each gateway.
/// </summary>
[NonParallelizable]
public sealed class When_every_service_runs_twice
{
    private const string Model = "ct-lesion-classifier";
    private const int SeriesCount = 200;
    private static readonly string[] Scaled =
        [PipelineService.Orchestrator, PipelineService.Unpacker, PipelineService.Preprocessor, PipelineService.Inference, PipelineService.StatusCallback, PipelineService.Gateway];

    /// <summary>The stage each of <see cref="Scaled"/> records in its metrics (null: not a stage worker).</summary>
    private static readonly string?[] Stages = [null, "unpack", "preprocess", "inference", "callback", null];

    [Test]
    public async Task Two_hundred_series_complete_with_exactly_one_callback_each()
    {
        var pipeline = Pipeline.Running;
        var replicas = new List<string>();
        try
        {
            foreach (var name in Scaled)
            {
                replicas.Add(await pipeline.StartReplicaAsync(name, 2));
            }

            using var first = new SeriesClient();
            using var second = new SeriesClient(gateway: replicas[^1]);
            var clock = Stopwatch.StartNew();
            // Eight uploads at a time, as a backend within the gateway's concurrent-upload budget (16 per organization) sends them.
            using var gate = new SemaphoreSlim(8);
            var submitted = await Task.WhenAll(Enumerable.Range(0, SeriesCount).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    return await SubmitAsync(i % 2 == 0 ? first : second);
                }
                finally
                {
                    gate.Release();
                }
            }));
            var accepted = clock.Elapsed;

            foreach (var (series, seriesId, client) in submitted)
            {
                var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(5));
                Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
                Assert.That(status.GetProperty("attempt").GetInt32(), Is.EqualTo(1));
            }

            var completed = clock.Elapsed;
            // Settled once for the last series; every other series has had at least as long for a stray second callback.
            await first.SettledCallbacksAsync(submitted[^1].SeriesId, 1);
            var callbacks = await Task.WhenAll(submitted.Select(s => first.CallbacksAsync(s.SeriesId)));
            await TestContext.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{SeriesCount} series through two of every service: accepted in {accepted.TotalSeconds:0.0} s, completed in {completed.TotalSeconds:0.0} s"));
            Assert.That(callbacks.Select(c => c.Count), Is.All.EqualTo(1), "exactly one callback per series");
            foreach (var (instance, stage) in replicas.Zip(Stages).Where(r => r.Second is not null))
            {
                // Each replica of a worker took part: its own /metrics counted the stage.
                using var http = new HttpClient { BaseAddress = pipeline.AddressOf(instance) };
                var metrics = await http.GetStringAsync(new Uri("metrics", UriKind.Relative));
                Assert.That(Regex.IsMatch(metrics, $"^medpipeline_stage_duration_milliseconds_count\\{{[^}}\\n]*medpipeline_stage=\"{stage}\"[^}}\\n]*\\}} [1-9]", RegexOptions.Multiline),
                    Is.True, $"{instance} handled part of the {stage} work");
            }
        }
        finally
        {
            foreach (var instance in replicas)
            {
                await pipeline.StopAsync(instance);
            }
        }
    }

    private static async Task<(SampleSeries Series, string SeriesId, SeriesClient Client)> SubmitAsync(SeriesClient client)
    {
        var series = Pipeline.Samples.ForModel(Model, 3);
        var seriesId = SeriesClient.NewSeriesId();
        using var response = await client.SubmitAsync(series, Model, seriesId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        return (series, seriesId, client);
    }
}
