using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using MedPipeline.Dicom.Writing;
using MedPipeline.Imaging;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks;

/// <summary>
/// p50/p99 latency of POST /predict (the shipped anomaly model) on one 512×512 CT slice and on one 512×512
/// gray PNG (decoded in a codec child process), at concurrency 1 and 8, against the real gateway process
/// started here on a loopback port.
/// </summary>
internal static class LatencyBenchmark
{
    public static async Task RunAsync(int requestsPerLevel)
    {
        var random = new Random(3);
        var slice = new SyntheticDicom
        {
            SopInstanceUid = "1.2.3.1", StudyInstanceUid = "1.2.3", SeriesInstanceUid = "1.2.3.4", Rows = 512, Columns = 512, BitsStored = 12,
            RescaleSlope = 1, RescaleIntercept = -1024, WindowCenter = 40, WindowWidth = 400,
            Pixels = [.. Enumerable.Range(0, 512 * 512).Select(_ => random.Next(0, 2048))],
        }.ToBytes();
        var png = GrayscalePng.Encode([.. Enumerable.Range(0, 512 * 512).Select(_ => random.Next(0, 256) / 255f)], 512, 512);
        await using var gateway = await LocalGateway.StartAsync(Path.Combine(AppContext.BaseDirectory, "MedPipeline.Gateway.dll"), RepositoryPaths.Root,
            TimeSpan.FromSeconds(60), "--Logging:LogLevel:Default=Warning");
        using var http = new HttpClient { BaseAddress = gateway.Address };
        foreach (var (name, bytes, file, type) in new[]
        {
            ("512x512 16-bit CT DICOM", slice, "CT_1.dcm", "application/dicom"),
            ("512x512 8-bit gray PNG", png, "slice.png", "image/png"),
        })
        {
            Console.WriteLine($"POST /predict, {name} ({bytes.Length} bytes), gateway at {gateway.Address}");
            var upload = (bytes, file, type);
            await MeasureAsync(http, upload, 1, 30);
            foreach (var concurrency in new[] { 1, 8 })
            {
                var latencies = await MeasureAsync(http, upload, concurrency, requestsPerLevel);
                latencies.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"concurrency {concurrency}: {latencies.Count} requests, p50 {Percentiles.Of(latencies, 50):F1} ms, p99 {Percentiles.Of(latencies, 99):F1} ms, max {latencies[^1]:F1} ms"));
            }
        }
    }

    private static async Task<List<double>> MeasureAsync(HttpClient http, (byte[] Bytes, string FileName, string ContentType) upload, int concurrency, int requests)
    {
        var latencies = new List<double>(requests);
        var remaining = requests;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(upload.Bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(upload.ContentType);
                form.Add(file, "file", upload.FileName);
                var watch = Stopwatch.StartNew();
                using var response = await http.PostAsync("predict", form);
                response.EnsureSuccessStatusCode();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                lock (latencies)
                {
                    latencies.Add(elapsed);
                }
            }
        }));
        return latencies;
    }
}
