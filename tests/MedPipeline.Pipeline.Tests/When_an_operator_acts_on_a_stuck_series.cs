using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// The Inference worker is stopped, so a series waits in Inferring (stuck); an operator acts on it through the gateway's
/// admin API, on real processes. Stops a worker, so nothing else runs meanwhile.
/// </summary>
[NonParallelizable]
public sealed class When_an_operator_acts_on_a_stuck_series
{
    private const string Model = "ct-lesion-classifier";

    [Test]
    public async Task A_cancelled_series_fails_with_one_failed_callback_and_a_rerun_is_then_refused_as_its_upload_is_gone()
    {
        using var client = new SeriesClient();
        using var admin = AdminClient();
        var (series, seriesId, correlationId) = await StuckSeriesAsync(client);
        try
        {
            using var cancel = await admin.PostAsync($"api/admin/series/{correlationId}/cancel?reason=ticket-1", null);
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await cancel.Content.ReadAsStringAsync());

            var status = await client.WaitForFinishAsync(series, Model);
            Assert.That((status.GetProperty("status").GetString(), status.GetProperty("reason").GetString()), Is.EqualTo(("failed", "cancelled by an operator")));
            var callbacks = await client.SettledCallbacksAsync(seriesId, 1);
            Assert.That(callbacks, Has.Count.EqualTo(1), "exactly one callback");
            Assert.That(callbacks[0].GetProperty("status").GetString(), Is.EqualTo("failed"));

            using var rerun = await admin.PostAsync($"api/admin/series/{correlationId}/rerun", null);
            var problem = await rerun.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(rerun.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(problem.GetProperty("detail").GetString(), Is.EqualTo("the upload is gone; submit the series again"));
        }
        finally
        {
            await Pipeline.Running.StartAsync(PipelineService.Inference);
        }
    }

    [Test]
    public async Task A_rerun_series_completes_as_attempt_2_with_one_completed_callback_once_the_worker_is_back()
    {
        using var client = new SeriesClient();
        using var admin = AdminClient();
        var (series, seriesId, correlationId) = await StuckSeriesAsync(client);
        try
        {
            using var rerun = await admin.PostAsync($"api/admin/series/{correlationId}/rerun", null);
            Assert.That(rerun.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await rerun.Content.ReadAsStringAsync());
            await client.WaitForStatusAsync(series, Model, s => s.GetProperty("attempt").GetInt32() == 2 && s.GetProperty("state").GetString() == "Inferring");
        }
        finally
        {
            await Pipeline.Running.StartAsync(PipelineService.Inference);
        }

        var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(2));
        Assert.That((status.GetProperty("status").GetString(), status.GetProperty("attempt").GetInt32()), Is.EqualTo(("completed", 2)), status.ToString());
        var callbacks = await client.SettledCallbacksAsync(seriesId, 1);
        Assert.That(callbacks.Select(c => c.GetProperty("status").GetString()), Is.EqualTo(new[] { "completed" }), "exactly one callback, of the rerun");
    }

    private static HttpClient AdminClient()
    {
        var http = new HttpClient { BaseAddress = Pipeline.Running.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-API-Key", Pipeline.AdminKey);
        return http;
    }

    /// <summary>Stops the Inference worker and submits a series, which then waits in Inferring.</summary>
    private static async Task<(MedPipeline.SampleData.SampleSeries Series, string SeriesId, string CorrelationId)> StuckSeriesAsync(SeriesClient client)
    {
        await Pipeline.Running.StopAsync(PipelineService.Inference);
        var series = Pipeline.Samples.ForModel(Model, 2);
        var seriesId = SeriesClient.NewSeriesId();
        using var response = await client.SubmitAsync(series, Model, seriesId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        await client.WaitForStatusAsync(series, Model, s => s.GetProperty("state").GetString() == "Inferring");
        return (series, seriesId, accepted.GetProperty("correlationId").GetString()!);
    }
}
