using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.Testing;

namespace MedPipeline.Benchmarks.Speed;

/// <summary>
/// Every service as its own process on a private broker and database, as in production but on one machine;
/// submits stored ZIP files as a hospital would and waits for each series' callback at the sample backend.
/// </summary>
internal sealed class PipelineUnderTest : IAsyncDisposable
{
    private static readonly string[] Workers = [PipelineService.Unpacker, PipelineService.Preprocessor, PipelineService.Inference, PipelineService.Orchestrator,
        PipelineService.StatusCallback, PipelineService.Gateway];

    private const int ConcurrentUploads = 8;

    private readonly PrivateRabbitMq _broker;
    private readonly PrivatePostgres _postgres;
    private readonly LocalPipeline _pipeline;
    private readonly HttpClient _gateway;
    private readonly HttpClient _backend;
    private int _seen;

    private PipelineUnderTest(PrivateRabbitMq broker, PrivatePostgres postgres, LocalPipeline pipeline)
    {
        (_broker, _postgres, _pipeline) = (broker, postgres, pipeline);
        _gateway = pipeline.GatewayClient(timeout: TimeSpan.FromMinutes(10));
        _backend = new HttpClient { BaseAddress = pipeline.SampleBackend };
    }

    public static async Task<PipelineUnderTest> StartAsync()
    {
        var broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        var postgres = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90));
        var pipeline = await LocalPipeline.StartAsync(new PipelineSettings(RepositoryPaths.Root, TestBuild.Configuration, broker.Endpoint,
            await postgres.Endpoint.CreatePipelineDatabaseAsync("speed"))
        {
            Settings = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
        });
        return new PipelineUnderTest(broker, postgres, pipeline);
    }

    /// <summary>Submits every series at once and returns when the last callback arrived, with each callback's body.</summary>
    public async Task<(TimeSpan Elapsed, IReadOnlyList<JsonElement> Callbacks)> RunAsync(IReadOnlyList<CtSeriesFiles> series, string modelType)
    {
        var ids = series.Select(_ => $"speed-{Interlocked.Increment(ref _seen)}").ToList();
        var clock = Stopwatch.StartNew();
        // As a hospital backend would: a few uploads at a time (the gateway answers 429 past its per-organization limit).
        using var uploads = new SemaphoreSlim(ConcurrentUploads);
        await Task.WhenAll(series.Select(async (s, i) =>
        {
            await uploads.WaitAsync();
            try
            {
                await SubmitAsync(s, modelType, ids[i]);
            }
            finally
            {
                uploads.Release();
            }
        }));
        var callbacks = await CallbacksAsync(ids);
        return (clock.Elapsed, callbacks);
    }

    /// <summary>Peak resident memory of every service since the last reset, in MB (VmHWM).</summary>
    public Dictionary<string, double> PeakResidentMegabytes() => Workers.ToDictionary(w => w, w => ProcessMemory.PeakResidentMegabytes(_pipeline.PidOf(w)));

    public void ResetPeakResident()
    {
        foreach (var worker in Workers)
        {
            ProcessMemory.ResetPeak(_pipeline.PidOf(worker));
        }
    }

    /// <summary>Bytes every client has sent the broker so far (AMQP frames, headers and heartbeats included).</summary>
    public Task<long> BytesSentToBrokerAsync() => BrokerTraffic.ReceivedBytesAsync(_pipeline.Broker);

    private async Task SubmitAsync(CtSeriesFiles series, string modelType, string seriesId)
    {
        await using var zip = File.OpenRead(series.ZipPath);
        using var form = new MultipartFormDataContent();
        var file = new StreamContent(zip, 1 << 20);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        form.Add(file, "file", Path.GetFileName(series.ZipPath));
        form.Add(new StringContent(seriesId), "seriesId");
        form.Add(new StringContent(series.StudyInstanceUid), "studyInstanceUid");
        form.Add(new StringContent(series.SeriesInstanceUid), "seriesInstanceUid");
        form.Add(new StringContent(modelType), "modelType");

        // The same series sent again would be answered from its stored outcome; a repeated run must do the work again.
        form.Add(new StringContent("true"), "predictAgain");
        using var response = await _gateway.PostAsync("api/studies/series/predict", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"submitting {seriesId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<List<JsonElement>> CallbacksAsync(List<string> ids)
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            using var received = JsonDocument.Parse(await _backend.GetStringAsync("received"));
            var byId = received.RootElement.EnumerateArray().GroupBy(c => c.GetProperty("seriesId").GetString()!).ToDictionary(g => g.Key, g => g.First());
            if (ids.All(byId.ContainsKey))
            {
                return [.. ids.Select(id => byId[id].GetProperty("body").Clone())];
            }

            await Task.Delay(5);
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"not every series called back within 15 minutes"));
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Dispose();
        _backend.Dispose();
        await _pipeline.DisposeAsync();
        await _postgres.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
