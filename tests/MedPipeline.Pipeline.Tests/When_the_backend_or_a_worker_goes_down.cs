using System.Net;
using MedPipeline.LocalStack;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_the_backend_or_a_worker_goes_down
{
    private const string Model = "ct-lesion-classifier";

    [Test]
    public async Task A_backend_down_for_a_while_gets_its_callback_when_it_is_back()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 2);
        var seriesId = SeriesClient.NewSeriesId();
        await client.OutageAsync(TimeSpan.FromSeconds(8));

        (await client.SubmitAsync(series, Model, seriesId)).Dispose();

        var waiting = await client.WaitForStatusAsync(series, Model,
            s => s.GetProperty("callbacks").TryGetProperty(seriesId, out var outcome) && outcome.GetString()!.Contains("redelivery", StringComparison.Ordinal));
        Assert.That(waiting.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(await client.CallbacksAsync(seriesId), Is.Empty, "nothing arrives while the backend answers 503");

        var callbacks = await client.WaitForCallbacksAsync(seriesId, 1, TimeSpan.FromSeconds(60));
        Assert.That(callbacks.Single().GetProperty("status").GetString(), Is.EqualTo("completed"));
        var delivered = await client.WaitForStatusAsync(series, Model,
            s => s.GetProperty("callbacks").GetProperty(seriesId).GetString()!.StartsWith("delivered", StringComparison.Ordinal));
        Assert.That(delivered.GetProperty("callbacks").GetProperty(seriesId).GetString(), Does.StartWith("delivered (HTTP 204"));
    }

    [Test]
    public async Task A_preprocessor_killed_mid_series_and_restarted_completes_the_series_exactly_once()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 1200);
        var seriesId = SeriesClient.NewSeriesId();
        var pipeline = Pipeline.Running;

        using var response = await client.SubmitAsync(series, Model, seriesId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        await client.WaitForStatusAsync(series, Model, s => s.GetProperty("state").GetString() is "Preprocessing" or "Inferring" or "Completed");
        var killedWhile = (await client.StatusAsync(series, Model))!.Value.GetProperty("state").GetString();
        await pipeline.KillAsync(PipelineService.Preprocessor);
        var stateAfterKill = (await client.StatusAsync(series, Model))!.Value.GetProperty("state").GetString();
        await pipeline.StartAsync(PipelineService.Preprocessor);

        var status = await client.WaitForFinishAsync(series, Model, TimeSpan.FromMinutes(3));
        Assert.That(killedWhile, Is.EqualTo("Preprocessing"), "the kill landed while the series was being preprocessed");
        Assert.That(stateAfterKill, Is.EqualTo("Preprocessing"), "the series was still waiting for the killed worker");
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
        Assert.That(status.GetProperty("attempt").GetInt32(), Is.EqualTo(1));
        Assert.That(status.GetProperty("result").GetProperty("instance_count").GetInt32(), Is.EqualTo(1200));
        var callbacks = await client.SettledCallbacksAsync(seriesId, 1);
        Assert.That(callbacks, Has.Count.EqualTo(1), "exactly one callback");
    }
}
