using System.Text.Json;
using MedPipeline.SampleData;

namespace MedPipeline.Cli.Demo;

/// <summary>Submits the demo series through the gateway like a hospital backend, and prints how each one moves and what the backend received.</summary>
internal sealed class SeriesProgress(HttpClient gateway, Uri sampleBackend, string organization, TextWriter output) : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly HttpClient _gateway = gateway;
    private readonly HttpClient _backend = new() { BaseAddress = sampleBackend, Timeout = TimeSpan.FromSeconds(10) };

    public async Task RunAsync(IReadOnlyList<DemoSeries> all, CancellationToken cancellationToken)
    {
        var statusUrls = new Dictionary<DemoSeries, string>();
        foreach (var series in all)
        {
            using var form = SeriesRequestForm.Create(series.Series, series.ModelType, series.SeriesId, organization, predictAgain: false);
            using var response = await _gateway.PostAsync("api/studies/series/predict", form, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            await output.WriteLineAsync($"  submitted {series.Label,-28} {series.Series.FileName[..Math.Min(40, series.Series.FileName.Length)]}… -> HTTP {(int)response.StatusCode}");
            if (response.IsSuccessStatusCode)
            {
                using var answer = JsonDocument.Parse(body);
                statusUrls[series] = answer.RootElement.GetProperty("statusUrl").GetString()!;
            }
            else
            {
                await output.WriteLineAsync($"    {body}");
            }
        }

        await FollowAsync(statusUrls, cancellationToken);
        await PrintCallbacksAsync(all, cancellationToken);
    }

    private async Task FollowAsync(Dictionary<DemoSeries, string> statusUrls, CancellationToken cancellationToken)
    {
        var last = statusUrls.Keys.ToDictionary(s => s, _ => "");
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (last.Any(l => !IsFinal(l.Value)) && DateTime.UtcNow < deadline)
        {
            foreach (var (series, url) in statusUrls)
            {
                using var response = await _gateway.GetAsync(url.TrimStart('/'), cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                using var status = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var state = status.RootElement.GetProperty("state").GetString() ?? "";
                if (state != last[series])
                {
                    last[series] = state;
                    var reason = status.RootElement.GetProperty("reason").GetString();
                    await output.WriteLineAsync($"  {series.Label,-28} {state}{(reason is null ? "" : $": {reason}")}");
                }
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    private async Task PrintCallbacksAsync(IReadOnlyList<DemoSeries> all, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement received;
        do
        {
            using var document = JsonDocument.Parse(await _backend.GetStringAsync("received", cancellationToken));
            received = document.RootElement.Clone();
            if (all.All(s => received.EnumerateArray().Any(c => c.GetProperty("seriesId").GetString() == s.SeriesId)))
            {
                break;
            }

            await Task.Delay(250, cancellationToken);
        }
        while (DateTime.UtcNow < deadline);

        await output.WriteLineAsync();
        await output.WriteLineAsync($"The sample backend received {received.GetArrayLength()} callback(s) ({_backend.BaseAddress}received):");
        foreach (var callback in received.EnumerateArray())
        {
            await output.WriteLineAsync($"PUT /api/studies/series/{callback.GetProperty("seriesId").GetString()}/status");
            await output.WriteLineAsync(JsonSerializer.Serialize(callback.GetProperty("body"), Indented));
        }
    }

    private static bool IsFinal(string state) => state is "Completed" or "NotSupported" or "Failed";

    public void Dispose()
    {
        _gateway.Dispose();
        _backend.Dispose();
    }
}
