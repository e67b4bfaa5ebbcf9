using System.Net;
using System.Text.Json;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;

namespace MedPipeline.Benchmarks.Chaos;

/// <summary>
/// What became of every accepted series, from the backend's side: its callbacks (none, one, more) and, for a series
/// without one, the gateway's status (404: lost; still running: stuck; finished but never called back: stuck too).
/// </summary>
internal sealed record ChaosTally(int Completed, int OtherOutcomes, int Lost, int Stuck, int Duplicates)
{
    public static async Task<ChaosTally> SettleAsync(LocalPipeline pipeline, IReadOnlyDictionary<string, SampleSeries> accepted, string model, TimeSpan within)
    {
        using var backend = new HttpClient { BaseAddress = pipeline.SampleBackend, Timeout = TimeSpan.FromSeconds(60) };
        var deadline = DateTime.UtcNow + within;
        var callbacks = await CallbacksAsync(backend);
        while (accepted.Keys.Any(id => !callbacks.ContainsKey(id)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            callbacks = await CallbacksAsync(backend);
        }

        // A stray second callback would come within seconds of the first.
        await Task.Delay(TimeSpan.FromSeconds(15));
        callbacks = await CallbacksAsync(backend);
        using var gateway = pipeline.GatewayClient(timeout: TimeSpan.FromSeconds(30));
        int lost = 0, stuck = 0;
        foreach (var (id, series) in accepted.Where(a => !callbacks.ContainsKey(a.Key)))
        {
            using var response = await gateway.GetAsync(
                $"api/studies/series/{series.SeriesInstanceUid}/status?organization={pipeline.Organization}&modelType={model}");
            Console.WriteLine($"  no callback for {id}: status answer {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                lost++;
            }
            else
            {
                stuck++;
            }
        }

        foreach (var (id, repeated) in callbacks.Where(c => accepted.ContainsKey(c.Key) && c.Value.Count > 1))
        {
            Console.WriteLine($"  {repeated.Count} callbacks for {id}: {string.Join("; ", repeated)}");
        }

        var answered = accepted.Keys.Where(callbacks.ContainsKey).Select(id => callbacks[id]).ToList();
        return new ChaosTally(
            answered.Count(c => c[0].StartsWith("completed", StringComparison.Ordinal)), answered.Count(c => !c[0].StartsWith("completed", StringComparison.Ordinal)),
            lost, stuck, answered.Count(c => c.Count > 1));
    }

    /// <summary>Per backend series id, each callback in arrival order as "status at time, key".</summary>
    private static async Task<Dictionary<string, List<string>>> CallbacksAsync(HttpClient backend)
    {
        using var received = JsonDocument.Parse(await backend.GetStringAsync("received"));
        return received.RootElement.EnumerateArray()
            .GroupBy(c => c.GetProperty("seriesId").GetString()!)
            .ToDictionary(g => g.Key, g => g.Select(c =>
                $"{c.GetProperty("body").GetProperty("status").GetString()} at {c.GetProperty("receivedAt").GetString()}, key {c.GetProperty("idempotencyKey")}").ToList());
    }
}
