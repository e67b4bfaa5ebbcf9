using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// P2: single images, our POST /predict against the seed-003 peer's, the same network (the peer's own ae.onnx
/// registered here) on the same files, both warmed, measured alternately in one run from one client:
/// p50 at concurrency 1, throughput at concurrency 8, and our server-side share outside the ONNX run.
/// </summary>
internal static class PeerComparison
{
    private const int Sequential = 200;
    private const int Concurrent = 400;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(string root)
    {
        var peerFolder = Environment.GetEnvironmentVariable("MEDPIPE_PEER") ?? Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "peers", "seed003"));
        var inputs = PeerInputs.Create(root);
        var models = PeerModelFolder.Create(root, peerFolder);
        await using var gateway = await LocalGateway.StartAsync(Path.Combine(AppContext.BaseDirectory, "MedPipeline.Gateway.dll"), RepositoryPaths.Root,
            TimeSpan.FromSeconds(60), "--Logging:LogLevel:Default=Warning", $"--Models:Path={models}",
            // Set for latency, as a gateway that answers single images would be (Models:AllowSpinning, off by default).
            "--Models:AllowSpinning=true");
        await using var peer = await PeerServer.StartAsync(peerFolder);
        using var ours = new HttpClient { BaseAddress = gateway.Address, Timeout = TimeSpan.FromMinutes(2) };
        using var theirs = new HttpClient { BaseAddress = peer.Address, Timeout = TimeSpan.FromMinutes(2) };
        var oursPath = $"predict?modelType={PeerModelFolder.ModelType}&threshold=0.05";
        Console.WriteLine($"P2 single images, POST /predict, the peer's ae.onnx (256x256 autoencoder) on both; {Sequential} requests at concurrency 1, {Concurrent} at 8");
        // As for the series goals: the gateway's code is compiled at its final tier before anything counts (the runtime's
        // background JIT otherwise takes a core from the first requests). The peer gets as many requests.
        var warm = Stopwatch.StartNew();
        var rounds = 0;
        for (; warm.Elapsed < WarmUp; rounds++)
        {
            foreach (var input in inputs)
            {
                await MeasureAsync(ours, oursPath, input, 1, 10);
                await MeasureAsync(theirs, "predict?threshold=0.05", input, 1, 10);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up: {rounds * 10} requests per input to each server in {warm.Elapsed.TotalSeconds:F0} s"));
        Console.WriteLine("| input | ours p50 | peer p50 | ratio (goal <= 0.8) | ours req/s c8 | peer req/s c8 | ratio (goal >= 1.5) | ours outside ONNX (goal <= 15%) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        var splits = new List<string>();
        foreach (var input in inputs)
        {
            await MeasureAsync(ours, oursPath, input, 1, 30);
            await MeasureAsync(theirs, "predict?threshold=0.05", input, 1, 30);
            var (ourLatency, ourShare, split) = await MeasureAsync(ours, oursPath, input, 1, Sequential);
            var (peerLatency, _, _) = await MeasureAsync(theirs, "predict?threshold=0.05", input, 1, Sequential);
            var ourRate = await RateAsync(ours, oursPath, input);
            var peerRate = await RateAsync(theirs, "predict?threshold=0.05", input);
            var (p50, peerP50) = (Percentiles.Of(ourLatency, 50), Percentiles.Of(peerLatency, 50));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {input.Name} | {p50:F1} ms | {peerP50:F1} ms | {p50 / peerP50:F2} {Verdict(p50 <= 0.8 * peerP50)} | {ourRate:F1} | {peerRate:F1} | {ourRate / peerRate:F2} {Verdict(ourRate >= 1.5 * peerRate)} | {ourShare:P0} {Verdict(ourShare <= 0.15)} |"));
            splits.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {input.Name}, ours server-side (medians): decode {split.DecodeMs:F1} ms, preprocess {split.PreprocessMs:F1} ms, ONNX {split.InferenceMs:F1} ms; the rest of the {p50:F1} ms request (HTTP, form, JSON, both ends) {p50 - split.DecodeMs - split.PreprocessMs - split.InferenceMs:F1} ms"));
        }

        splits.ForEach(Console.WriteLine);
    }

    private static string Verdict(bool met) => met ? "MET" : "NOT MET";

    private static async Task<double> RateAsync(HttpClient http, string path, PeerInput input)
    {
        var clock = Stopwatch.StartNew();
        await MeasureAsync(http, path, input, 8, Concurrent);
        return Concurrent / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Our server-side medians of one input (from the response's <c>timings</c>).</summary>
    private sealed record ServerSplit(double DecodeMs, double PreprocessMs, double InferenceMs);

    /// <summary>
    /// Client-side latencies (sorted); for our gateway also the median share of the request spent outside the ONNX run
    /// and the server's own medians per step.
    /// </summary>
    private static async Task<(List<double> Latencies, double OutsideOnnx, ServerSplit Split)> MeasureAsync(HttpClient http, string path, PeerInput input,
        int concurrency, int requests)
    {
        var latencies = new List<double>(requests);
        var shares = new List<double>(requests);
        var (decode, preprocess, inference) = (new List<double>(), new List<double>(), new List<double>());
        var remaining = requests;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(input.Bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/dicom");
                form.Add(file, "file", input.FileName);
                var clock = Stopwatch.StartNew();
                using var response = await http.PostAsync(path, form);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{http.BaseAddress}{path} answered {(int)response.StatusCode} for {input.Name}: {body}");
                }

                using var answer = JsonDocument.Parse(body);
                lock (latencies)
                {
                    latencies.Add(elapsed);
                    if (answer.RootElement.TryGetProperty("timings", out var timings))
                    {
                        shares.Add(1 - (timings.GetProperty("inference_ms").GetDouble() / elapsed));
                        decode.Add(timings.GetProperty("decode_ms").GetDouble());
                        preprocess.Add(timings.GetProperty("preprocess_ms").GetDouble());
                        inference.Add(timings.GetProperty("inference_ms").GetDouble());
                    }
                }
            }
        }));
        latencies.Sort();
        return (latencies, Percentiles.Median(shares), new ServerSplit(Percentiles.Median(decode), Percentiles.Median(preprocess), Percentiles.Median(inference)));
    }
}
