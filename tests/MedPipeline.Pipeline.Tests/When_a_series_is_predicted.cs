using System.Net;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_a_series_is_predicted
{
    [TestCase("ct-lesion-classifier", "lesion", "lesion")]
    [TestCase("ct-lesion-classifier", "normal", "normal")]
    [TestCase("digit-classifier", null, null)]
    public async Task A_classifier_series_completes_with_its_result_and_one_callback(string modelType, string? label, string? expectedClass)
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel(modelType, 4, label);
        var seriesId = SeriesClient.NewSeriesId();

        using var response = await client.SubmitAsync(series, modelType, seriesId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync() + SeriesClient.Logs());
        Assert.That(response.Headers.Location?.ToString(), Does.Contain(series.SeriesInstanceUid));
        var status = await client.WaitForFinishAsync(series, modelType);
        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("completed"), status.ToString());
        Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("Completed"));
        var found = status.GetProperty("found");
        Assert.That(found.GetProperty("instanceCount").GetInt32(), Is.EqualTo(4));
        Assert.That(found.GetProperty("imageInstanceCount").GetInt32(), Is.EqualTo(4));
        Assert.That(found.GetProperty("modality").GetString(), Is.EqualTo(modelType == "digit-classifier" ? "OT" : "CT"));
        Assert.That(found.GetProperty("totalBytes").GetInt64(), Is.GreaterThan(4 * 128));
        foreach (var stamp in new[] { "receivedAt", "unpackingStartedAt", "unpackedAt", "preprocessedAt", "inferredAt", "finishedAt" })
        {
            Assert.That(status.GetProperty("timestamps").GetProperty(stamp).ValueKind, Is.EqualTo(JsonValueKind.String), stamp);
        }

        var callback = (await client.SettledCallbacksAsync(seriesId, 1)).Single();
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("completed"));
        Assert.That(callback.GetProperty("modelType").GetString(), Is.EqualTo(modelType));
        var result = callback.GetProperty("result");
        Assert.That(result.GetProperty("instance_count").GetInt32(), Is.EqualTo(4));
        Assert.That(result.GetProperty("instances").GetArrayLength(), Is.EqualTo(4));
        Assert.That(result.GetProperty("class_probabilities").EnumerateObject().Count(), Is.GreaterThanOrEqualTo(2));
        Assert.That(result.GetProperty("model").GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
        Assert.That(result.GetProperty("preprocessing").GetProperty("frame_count").GetInt32(), Is.EqualTo(4));
        Assert.That(result.GetProperty("preprocessing").GetProperty("target_width").GetInt32(), Is.GreaterThan(0));
        Assert.That(result.GetProperty("timings_ms").EnumerateObject().Select(t => t.Name), Is.SupersetOf(new[] { "preprocess", "inference" }));
        if (expectedClass is not null)
        {
            Assert.That(result.GetProperty("predicted_class").GetString(), Is.EqualTo(expectedClass));
        }

        Assert.That(status.GetProperty("result").GetProperty("predicted_class").GetString(), Is.EqualTo(result.GetProperty("predicted_class").GetString()));
        using var accepted = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        await StoreIsCleanedUpAsync(accepted.RootElement.GetProperty("requestId").GetGuid(), accepted.RootElement.GetProperty("correlationId").GetGuid());
    }

    /// <summary>
    /// Once the outcome is on the series, the upload, instances and tensors leave the store; only the heatmaps the status
    /// answer links stay (until a new attempt or the store's retention).
    /// </summary>
    private static async Task StoreIsCleanedUpAsync(Guid requestId, Guid correlationId)
    {
        var archive = Path.Combine(Pipeline.Running.StorePath, "archives", Pipeline.Running.Organization, $"{requestId:N}.zip");
        var series = Path.Combine(Pipeline.Running.StorePath, "series", correlationId.ToString("N"));
        string[] Left() => Directory.Exists(series)
            ? [.. Directory.GetFiles(series, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != "heatmaps")]
            : [];
        bool Clean() => !File.Exists(archive) && Left().Length == 0;
        for (var i = 0; i < 100 && !Clean(); i++)
        {
            await Task.Delay(100);
        }

        Assert.That(File.Exists(archive), Is.False, "the upload is deleted");
        Assert.That(Left(), Is.Empty, "instances and tensors are deleted");
    }

    [Test]
    public async Task An_anomaly_series_completes_with_the_reconstruction_error_and_threshold()
    {
        using var client = new SeriesClient();
        var series = Pipeline.Samples.ForModel("xray-anomaly", 3, "normal");
        var seriesId = SeriesClient.NewSeriesId();

        using var response = await client.SubmitAsync(series, "xray-anomaly", seriesId);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync() + SeriesClient.Logs());
        var callback = (await client.SettledCallbacksAsync(seriesId, 1)).Single();
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("completed"), callback.ToString());
        var result = callback.GetProperty("result");
        Assert.That(result.GetProperty("reconstruction_mse").GetDouble(), Is.GreaterThan(0));
        Assert.That(result.GetProperty("threshold").GetDouble(), Is.GreaterThan(0));
        Assert.That(result.GetProperty("is_anomaly").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
        Assert.That(result.GetProperty("instances").GetArrayLength(), Is.EqualTo(3));
        Assert.That(result.GetProperty("model").GetProperty("name").GetString(), Is.Not.Empty);

        var status = await client.WaitForFinishAsync(series, "xray-anomaly");
        var heatmaps = status.GetProperty("heatmaps").EnumerateArray().ToList();
        Assert.That(heatmaps, Has.Count.EqualTo(3), status.ToString());
        using var png = await client.GetAsync(heatmaps[0].GetProperty("url").GetString()!);
        Assert.That(png.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(png.Content.Headers.ContentType!.MediaType, Is.EqualTo("image/png"));
        using var decoded = Imaging.Png.PngDecoder.Decode(await png.Content.ReadAsByteArrayAsync(), maxPixels: 100_000_000);
        Assert.That((decoded.Width, decoded.Height), Is.EqualTo((heatmaps[0].GetProperty("width").GetInt32(), heatmaps[0].GetProperty("height").GetInt32())));
    }
}
