using System.Net;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_a_series_is_asked_for_again
{
    private const string Model = "ct-lesion-classifier";

    [Test]
    public async Task Without_predict_again_the_stored_outcome_is_returned_and_sent_again_without_rework()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 2);
        var seriesId = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(series, Model, seriesId)).Dispose();
        var first = await client.WaitForFinishAsync(series, Model);

        using var again = await client.SubmitAsync(series, Model, seriesId, predictAgain: false);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a stored outcome is answered at once");
        using var body = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.That(body.RootElement.GetProperty("reused").GetBoolean(), Is.True);
        Assert.That(body.RootElement.GetProperty("series").GetProperty("result").GetProperty("predicted_class").GetString(),
            Is.EqualTo(first.GetProperty("result").GetProperty("predicted_class").GetString()));
        var callbacks = await client.SettledCallbacksAsync(seriesId, 2);
        Assert.That(callbacks, Has.Count.EqualTo(2), "the outcome is sent to the callback again");
        Assert.That(callbacks[1].GetProperty("result").ToString(), Is.EqualTo(callbacks[0].GetProperty("result").ToString()));
        var status = await client.StatusAsync(series, Model);
        Assert.That(status!.Value.GetProperty("attempt").GetInt32(), Is.EqualTo(1), "no work was redone");
        Assert.That(status.Value.GetProperty("timestamps").GetProperty("finishedAt").GetString(),
            Is.EqualTo(first.GetProperty("timestamps").GetProperty("finishedAt").GetString()));
    }

    [Test]
    public async Task With_predict_again_a_new_attempt_runs_and_reports()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 2);
        var seriesId = SeriesClient.NewSeriesId();
        (await client.SubmitAsync(series, Model, seriesId)).Dispose();
        var first = await client.WaitForFinishAsync(series, Model);

        using var again = await client.SubmitAsync(series, Model, seriesId, predictAgain: true);

        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var second = await client.WaitForStatusAsync(series, Model,
            s => s.GetProperty("attempt").GetInt32() == 2 && s.GetProperty("status").GetString() == "completed");
        Assert.That(DateTimeOffset.Parse(second.GetProperty("timestamps").GetProperty("receivedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Is.GreaterThan(DateTimeOffset.Parse(first.GetProperty("timestamps").GetProperty("finishedAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        var callbacks = await client.SettledCallbacksAsync(seriesId, 2);
        Assert.That(callbacks.Select(c => c.GetProperty("status").GetString()), Is.EqualTo(new[] { "completed", "completed" }));
    }

    [Test]
    public async Task Two_identical_requests_at_once_give_one_run_and_one_callback_each()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(Model, 3);
        var seriesId = SeriesClient.NewSeriesId();

        var responses = await Task.WhenAll(client.SubmitAsync(series, Model, seriesId), client.SubmitAsync(series, Model, seriesId));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Accepted));
        var status = await client.WaitForFinishAsync(series, Model);
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(status.GetProperty("attempt").GetInt32(), Is.EqualTo(1), "one run");
        var callbacks = await client.SettledCallbacksAsync(seriesId, 2);
        Assert.That(callbacks, Has.Count.EqualTo(2), "each request is answered once");
        Assert.That(callbacks[1].GetProperty("result").ToString(), Is.EqualTo(callbacks[0].GetProperty("result").ToString()));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
