using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.Organizations;
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
    private readonly HttpClient _admin;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string CorrelationId, DateTimeOffset Posted, double PostMs)> _submitted = new();
    private readonly Dictionary<string, JsonElement> _callbacks = [];
    private int _seen;
    private int _callbacksRead;

    private PipelineUnderTest(PrivateRabbitMq broker, PrivatePostgres postgres, LocalPipeline pipeline, string adminKey)
    {
        (_broker, _postgres, _pipeline) = (broker, postgres, pipeline);
        _gateway = pipeline.GatewayClient(timeout: TimeSpan.FromMinutes(10));
        _admin = pipeline.GatewayClient();
        _admin.DefaultRequestHeaders.Remove("X-API-Key");
        _admin.DefaultRequestHeaders.Add("X-API-Key", adminKey);
        _backend = new HttpClient { BaseAddress = pipeline.SampleBackend };
    }

    public static async Task<PipelineUnderTest> StartAsync()
    {
        var broker = await PrivateRabbitMq.StartAsync(TimeSpan.FromSeconds(90));
        var postgres = await PrivatePostgres.StartAsync(TimeSpan.FromSeconds(90));
        // A second key of the organization with role admin reads the saga's timeline of a series (GET /api/admin/series/{id}).
        var adminKey = ApiKeys.NewKey();
        var settings = new PipelineSettings(RepositoryPaths.Root, TestBuild.Configuration, broker.Endpoint, await postgres.Endpoint.CreatePipelineDatabaseAsync("speed"));
        var pipeline = await LocalPipeline.StartAsync(settings with
        {
            Settings = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Warning",

                // The in-process limit predicts only; heatmaps (three source decodes and model runs per series) are extra work.
                ["Heatmaps__TopK"] = "0",
                [$"Organizations__{settings.Organization}__ApiKeys__1__Id"] = "speed-admin",
                [$"Organizations__{settings.Organization}__ApiKeys__1__Sha256"] = ApiKeys.HashOf(adminKey),
                [$"Organizations__{settings.Organization}__ApiKeys__1__Roles__0"] = "admin",
            },
        });
        return new PipelineUnderTest(broker, postgres, pipeline, adminKey);
    }

    /// <summary>Submits every series at once and returns when the last callback arrived, with each callback's body.</summary>
    public async Task<(TimeSpan Elapsed, IReadOnlyList<JsonElement> Callbacks)> RunAsync(IReadOnlyList<CtSeriesFiles> series, string modelType) =>
        (await RunWithStagesAsync(series, modelType)).Run;

    /// <summary>
    /// As <see cref="RunAsync"/>, and where the time of the first series went: the POST until its 202, each stage the
    /// saga recorded (admin timeline), and the callback's arrival after the saga finished.
    /// </summary>
    public async Task<((TimeSpan Elapsed, IReadOnlyList<JsonElement> Callbacks) Run, List<(string Stage, double Ms)> Stages)> RunWithStagesAsync(
        IReadOnlyList<CtSeriesFiles> series, string modelType)
    {
        var ids = series.Select(_ => $"speed-{Interlocked.Increment(ref _seen)}").ToList();
        await PageCache.ReadAsync(series.Select(s => s.ZipPath));
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
        var (callbacks, firstArrived) = await CallbacksAsync(ids);
        var elapsed = clock.Elapsed;
        return ((elapsed, callbacks), await StagesAsync(_submitted[ids[0]], firstArrived));
    }

    private async Task<List<(string Stage, double Ms)>> StagesAsync((string CorrelationId, DateTimeOffset Posted, double PostMs) first, DateTimeOffset callbackAt)
    {
        using var timeline = JsonDocument.Parse(await _admin.GetStringAsync($"api/admin/series/{first.CorrelationId}"));
        var stages = new List<(string Stage, double Ms)> { ("POST until 202", first.PostMs) };

        // Steps after the 202 (the saga may record its receipt a moment before the gateway answers: then a negative step).
        var last = first.Posted.AddMilliseconds(first.PostMs);
        foreach (var stage in timeline.RootElement.GetProperty("timeline").EnumerateArray())
        {
            var at = stage.GetProperty("at").GetDateTimeOffset();
            stages.Add((stage.GetProperty("stage").GetString()!, (at - last).TotalMilliseconds));
            last = at;
        }

        stages.Add(("callback received", (callbackAt - last).TotalMilliseconds));
        return stages;
    }

    /// <summary>Every service's address (its /metrics is there).</summary>
    public IReadOnlyDictionary<string, Uri> Services => Workers.ToDictionary(w => w, _pipeline.AddressOf);

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
        var posted = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using var response = await _gateway.PostAsync("api/studies/series/predict", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"submitting {seriesId}: {(int)response.StatusCode} {body}");
        }

        using var accepted = JsonDocument.Parse(body);
        _submitted[seriesId] = (accepted.RootElement.GetProperty("correlationId").GetString()!, posted, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Waits at the sample backend for each series' first callback. It asks only for what arrived after the callbacks
    /// already read, and the backend holds the request until the next arrives: polling the whole list every few
    /// milliseconds cost the benchmark and the backend about 1.5 CPU seconds of a P1 burst, taken from the pipeline.
    /// </summary>
    private async Task<(List<JsonElement> Callbacks, DateTimeOffset FirstArrived)> CallbacksAsync(List<string> ids)
    {
        var deadline = DateTime.UtcNow.AddMinutes(15);
        while (DateTime.UtcNow < deadline)
        {
            if (ids.All(_callbacks.ContainsKey))
            {
                return ([.. ids.Select(id => _callbacks[id].GetProperty("body"))], _callbacks[ids[0]].GetProperty("receivedAt").GetDateTimeOffset());
            }

            using var received = JsonDocument.Parse(await _backend.GetStringAsync($"received?after={_callbacksRead}&waitSeconds=5"));
            foreach (var callback in received.RootElement.EnumerateArray())
            {
                _callbacksRead++;
                _callbacks.TryAdd(callback.GetProperty("seriesId").GetString()!, callback.Clone());
            }
        }

        throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"not every series called back within 15 minutes"));
    }

    public async ValueTask DisposeAsync()
    {
        _gateway.Dispose();
        _admin.Dispose();
        _backend.Dispose();
        await _pipeline.DisposeAsync();
        await _postgres.DisposeAsync();
        await _broker.DisposeAsync();
    }
}
