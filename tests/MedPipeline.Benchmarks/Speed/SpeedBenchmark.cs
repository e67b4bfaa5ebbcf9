using System.Globalization;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.Models;
using MedPipeline.Onnx;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// Issue 13's goals, each printed with its target: P2 single images against the seed-003 peer, P1 pipeline throughput against the in-process limit
/// on the same files, P3 series latency, P5 a 2 GB series (time against in-process, peak RSS per worker,
/// broker bytes per instance). Usage: speed [p1] [p2] [p3] [p3-10] [p5] (all when none is named; p3-10 is P3's 10-slice half alone).
/// </summary>
internal static class SpeedBenchmark
{
    private const string Model = "ct-lesion-classifier";

    /// <summary>P1 and P5 run each side this many times, in turn, and compare medians and best against best.</summary>
    private const int Rounds = 3;

    public static async Task RunAsync(string[] goals)
    {
        var all = goals.Length == 0;
        var root = Directory.CreateTempSubdirectory("medpipe-speed-").FullName;
        try
        {
            using var registry = ModelRegistry.Load(RepositoryPaths.Models, new SessionSettings { IntraOpThreads = Environment.ProcessorCount, AllowSpinning = false });
            var model = registry.Models.Single(m => m.Manifest.ModelType == Model);
            Console.WriteLine($"Series speed, {Environment.ProcessorCount} cores, 512x512 16-bit CT slices, {Model}; every service its own process; series heatmaps off (Heatmaps:TopK 0), as the in-process run makes none");
            if (all || goals.Contains("p2"))
            {
                await PeerComparison.RunAsync(root);
            }

            if (goals.Length > 0 && goals.All(g => g == "p2"))
            {
                return;
            }

            await using var pipeline = await PipelineUnderTest.StartAsync();
            await WarmUpAsync(root, pipeline);
            if (all || goals.Contains("p1"))
            {
                await ThroughputAsync(root, model, pipeline);
            }

            if (all || goals.Contains("p3"))
            {
                await LatencyAsync(root, model, pipeline);
            }

            if (goals.Contains("p3-10"))
            {
                await SmallSeriesLatencyAsync(root, pipeline);
            }

            if (all || goals.Contains("p5"))
            {
                await LargeSeriesAsync(root, model, pipeline);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// Series of 10 slices one at a time right after the services started, until their code is compiled at its final tier.
    /// Soon after the start the runtime's background JIT (tiered compilation, seven processes) took 71 % of the machine's CPU
    /// samples (perf), and a 10-slice series took about three times as long as later. The goals are measured after this, as a deployment that
    /// has been running is; the first and last figures are printed.
    /// </summary>
    private static async Task WarmUpAsync(string root, PipelineUnderTest pipeline)
    {
        const int Runs = 150, Window = 20;
        var small = CtSeriesFiles.Write(root, "warm-10", 10, 11);
        CtSeriesFiles.Settle();
        var latencies = new List<double>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var run = 0; run < Runs; run++)
        {
            var (elapsed, callbacks) = await pipeline.RunAsync([small], Model);
            Completed(callbacks);
            latencies.Add(elapsed.TotalMilliseconds);
        }

        Print($"  warm-up: {Runs} series of 10 slices one at a time from the services' start, {clock.Elapsed.TotalSeconds:F0} s: median of the first {Window} {Percentiles.Median(latencies.Take(Window)):F0} ms, of the last {Window} {Percentiles.Median(latencies.TakeLast(Window)):F0} ms (the goals below are measured after it)");
        small.Delete();
    }

    /// <summary>P1: a burst of 20 series of 64 slices, pipeline against one process on the same files.</summary>
    private static async Task ThroughputAsync(string root, LoadedModel model, PipelineUnderTest pipeline)
    {
        var series = Enumerable.Range(0, 20).Select(i => CtSeriesFiles.Write(root, $"p1-{i}", 64, i)).ToList();
        CtSeriesFiles.Settle();

        // Both sides run the work once before it counts: the pipeline the same burst (its code paths for many concurrent
        // 64-slice uploads are still compiled at their first tiers after the small-series warm-up), in-process the first series.
        Completed((await pipeline.RunAsync(series, Model)).Callbacks);
        await InProcessSeries.RunAsync(model, [series[0].Folder]);
        var idle = new CpuTimes();
        await Task.Delay(TimeSpan.FromSeconds(5));
        Print($"  CPU seconds over 5 s of an idle pipeline: {CpuTimes.Format(idle.Since())}");

        // Three rounds, each side in turn: one in-process run varied from 1.2 to 2.8 s here. The verdict takes the
        // lower of the two ratios, medians and best against best.
        var (pipelineTimes, inProcessTimes) = (new List<double>(), new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            inProcessTimes.Add((await InProcessSeries.RunAsync(model, [.. series.Select(s => s.Folder)])).TotalSeconds);
            var cpu = new CpuTimes();
            var (elapsed, callbacks) = await pipeline.RunAsync(series, Model);
            Completed(callbacks);
            pipelineTimes.Add(elapsed.TotalSeconds);
            if (round == 0)
            {
                Print($"  CPU seconds during the first burst ({elapsed.TotalSeconds:F1} s on {Environment.ProcessorCount} cores): {CpuTimes.Format(cpu.Since())}");
                Print($"  first series: {Timings(callbacks[0])}; last: {Timings(callbacks[^1])}");
            }
        }

        var instances = series.Sum(s => s.Slices);
        var (pipelineTime, inProcessTime) = (Percentiles.Median(pipelineTimes), Percentiles.Median(inProcessTimes));
        var (ours, limit) = (instances / pipelineTime, instances / inProcessTime);
        var best = inProcessTimes.Min() / pipelineTimes.Min();
        Print($"  P1 rounds (s): pipeline {Seconds(pipelineTimes)}; in-process {Seconds(inProcessTimes)}");
        Print($"P1 burst of 20 x 64 slices: median pipeline {pipelineTime:F2} s = {ours:F0} instances/s, in-process {inProcessTime:F2} s = {limit:F0} instances/s, ratio {ours / limit:P0}; best against best {best:P0} (goal >= 85% for both) {Verdict(Math.Min(ours / limit, best) >= 0.85)}");
        series.ForEach(s => s.Delete());
    }

    /// <summary>P3: the 300-slice series one at a time (3 runs, median), then a 10-slice series (20 runs, p50).</summary>
    private static async Task LatencyAsync(string root, LoadedModel model, PipelineUnderTest pipeline)
    {
        var large = CtSeriesFiles.Write(root, "p3-300", 300, 300);
        CtSeriesFiles.Settle();

        // A fresh pipeline's first series pays for JIT and connection warm-up; it is not counted.
        Completed((await pipeline.RunAsync([large], Model)).Callbacks);
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var ((elapsed, callbacks), stages) = await pipeline.RunWithStagesAsync([large], Model);
            Completed(callbacks);
            times.Add(elapsed.TotalSeconds);
            Print($"  300 slices ({large.ZipBytes / 1e6:F0} MB ZIP), run {run + 1}: submit to callback {elapsed.TotalSeconds:F2} s ({Timings(callbacks[0])}; {Steps(stages)})");
        }

        var inProcess = await InProcessSeries.RunAsync(model, [large.Folder]);
        times.Sort();
        Print($"P3 300-slice series: median {times[1]:F2} s (goal <= 2.0 s) {Verdict(times[1] <= 2.0)}; in-process {inProcess.TotalSeconds:F2} s");
        large.Delete();
        await SmallSeriesLatencyAsync(root, pipeline);
    }

    /// <summary>P3's second half: a 10-slice series one at a time, 20 runs, with where the time went.</summary>
    private static async Task SmallSeriesLatencyAsync(string root, PipelineUnderTest pipeline)
    {
        var small = CtSeriesFiles.Write(root, "p3-10", 10, 10);
        CtSeriesFiles.Settle();
        Completed((await pipeline.RunAsync([small], Model)).Callbacks);
        var latencies = new List<double>();
        var stages = new Dictionary<string, List<double>>();
        var delivery = await DeliveryLatency.ScrapeAsync(pipeline.Services);
        for (var run = 0; run < 20; run++)
        {
            var ((elapsed, callbacks), timeline) = await pipeline.RunWithStagesAsync([small], Model);
            Completed(callbacks);
            latencies.Add(elapsed.TotalMilliseconds);
            foreach (var (stage, ms) in timeline)
            {
                (stages.TryGetValue(stage, out var list) ? list : stages[stage] = []).Add(ms);
            }
        }

        latencies.Sort();
        Print($"  10 slices, mean ms per message, from send to consume (delivery) and in its consumer (consume): {await delivery.SinceAsync(pipeline.Services)}");
        Print($"  10 slices, where the time goes (median ms, each step after the one before; clocks of one machine): {string.Join(", ", stages.Select(s => $"{s.Key} {Percentiles.Median(s.Value):F0}"))}");
        var p50 = Percentiles.Of(latencies, 50);
        Print($"P3 10-slice series: p50 {p50:F0} ms, max {latencies[^1]:F0} ms over 20 (goal p50 <= 150 ms) {Verdict(p50 <= 150)}");
        small.Delete();
    }

    /// <summary>P5: 3,800 slices in a stored ZIP of about 2 GB.</summary>
    private static async Task LargeSeriesAsync(string root, LoadedModel model, PipelineUnderTest pipeline)
    {
        var large = CtSeriesFiles.Write(root, "p5-3800", 3800, 3800);
        CtSeriesFiles.Settle();

        // Both sides once before it counts. On these VMs memory the guest has not used for a while is slow to touch the
        // first time: during a first 2 GB upload the gateway wrote to the page cache at about 190 MB/s with its core busy,
        // during later ones at about 600 MB/s; the first in-process run was slow alike (7.0-8.6 s against 4-6 s). This round
        // takes that cost in some runs only: in others the first counted upload was still slow (5.3-7.3 s against 2.0-4.3 s).
        var ((warmTime, warmCallbacks), warmStages) = await pipeline.RunWithStagesAsync([large], Model);
        Completed(warmCallbacks);
        var warmInProcess = await InProcessSeries.RunAsync(model, [large.Folder]);
        Print($"  3,800 slices, once before the rounds (not counted): pipeline {warmTime.TotalSeconds:F1} s ({Steps(warmStages)}), in-process {warmInProcess.TotalSeconds:F1} s");
        pipeline.ResetPeakResident();
        await Task.Delay(BrokerTraffic.StatisticsInterval);
        var before = await pipeline.BytesSentToBrokerAsync();
        var (pipelineTimes, inProcessTimes) = (new List<double>(), new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            inProcessTimes.Add((await InProcessSeries.RunAsync(model, [large.Folder])).TotalSeconds);
            var ((elapsed, callbacks), stages) = await pipeline.RunWithStagesAsync([large], Model);
            Completed(callbacks);
            pipelineTimes.Add(elapsed.TotalSeconds);
            Print($"  3,800 slices, round {round + 1}: pipeline {elapsed.TotalSeconds:F1} s ({Timings(callbacks[0])}; {Steps(stages)}), in-process {inProcessTimes[^1]:F1} s");
        }

        var peaks = pipeline.PeakResidentMegabytes();
        await Task.Delay(BrokerTraffic.StatisticsInterval);
        var perInstance = (await pipeline.BytesSentToBrokerAsync() - before) / (double)(Rounds * large.Slices);
        var (pipelineTime, inProcessTime) = (Percentiles.Median(pipelineTimes), Percentiles.Median(inProcessTimes));
        var (ratio, best) = (pipelineTime / inProcessTime, pipelineTimes.Min() / inProcessTimes.Min());
        Print($"P5 3,800 slices ({large.ZipBytes / 1e9:F2} GB stored ZIP): median pipeline {pipelineTime:F1} s, in-process {inProcessTime:F1} s, ratio {ratio:F2}; best against best {best:F2} (goal <= 1.5 for both) {Verdict(Math.Max(ratio, best) <= 1.5)}");
        // The goal names the workers (Unpacker, Preprocessor, Inference, StatusCallback); the orchestrator and the gateway,
        // which also holds every model for single images, are printed beside them and judged by nothing here.
        var workers = peaks.Where(p => p.Key is not (PipelineService.Orchestrator or PipelineService.Gateway)).ToList();
        Print($"P5 peak RSS over the {Rounds} rounds (MB): workers {Megabytes(workers)} (goal <= 256 each) {Verdict(workers.All(p => p.Value <= 256))}; not workers: {Megabytes(peaks.Except(workers))}");
        Print($"P5 bytes sent to the broker per instance: {perInstance:F0} (goal <= 2048) {Verdict(perInstance <= 2048)}");
        large.Delete();
    }

    private static string Megabytes(IEnumerable<KeyValuePair<string, double>> peaks) =>
        string.Join(", ", peaks.Select(p => $"{p.Key.Replace("MedPipeline.", "", StringComparison.Ordinal)} {p.Value:F0}"));

    private static void Completed(IReadOnlyList<JsonElement> callbacks)
    {
        foreach (var body in callbacks.Where(b => b.GetProperty("status").GetString() != "completed"))
        {
            throw new InvalidOperationException($"a series did not complete: {body}");
        }
    }

    private static string Timings(JsonElement callback) =>
        callback.TryGetProperty("result", out var result) && result.TryGetProperty("timings_ms", out var timings)
            ? string.Join(", ", timings.EnumerateObject().Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Value.GetDouble() / 1000:F2} s")))
            : "no timings";

    /// <summary>Each step of the saga's timeline after the one before, in seconds.</summary>
    private static string Steps(List<(string Stage, double Ms)> stages) =>
        string.Join(", ", stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Ms / 1000:F2} s")));

    private static string Seconds(List<double> values) => string.Join(", ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));

    private static string Verdict(bool met) => met ? "MET" : "NOT MET";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
