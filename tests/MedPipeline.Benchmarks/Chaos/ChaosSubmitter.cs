using System.Collections.Concurrent;
using System.Net;
using MedPipeline.LocalStack;
using MedPipeline.SampleData;

namespace MedPipeline.Benchmarks.Chaos;

/// <summary>
/// Submits series as a hospital backend does: an answer other than 202 (the broker is away: 503) or no answer is
/// tried again a second later, for up to five minutes. Only a 202 counts as accepted.
/// </summary>
internal sealed class ChaosSubmitter(LocalPipeline pipeline, string model)
{
    private readonly HttpClient _gateway = pipeline.GatewayClient(timeout: TimeSpan.FromSeconds(60));
    private int _retries;

    public ConcurrentDictionary<string, SampleSeries> Accepted { get; } = new();

    public int Retries => _retries;

    public async Task SubmitAsync(SampleSeries series, string seriesId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var form = SeriesRequestForm.Create(series, model, seriesId, pipeline.Organization);
                using var response = await _gateway.PostAsync("api/studies/series/predict", form);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Accepted[seriesId] = series;
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // No answer in time: the same as a refusal, try again.
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
