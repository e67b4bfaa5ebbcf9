using System.Net;
using System.Text.Json;
using MedPipeline.SampleData;

namespace MedPipeline.Pipeline.Tests;

public sealed class When_a_series_cannot_be_processed
{
    [Test]
    public async Task A_modality_the_model_does_not_support_is_not_supported()
    {
        var (status, callback) = await RunAsync(Pipeline.Samples.UnsupportedModality("ct-lesion-classifier"), "ct-lesion-classifier");

        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("not_supported"));
        Assert.That(status.GetProperty("state").GetString(), Is.EqualTo("NotSupported"));
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("not_supported"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("does not support modality MR"));
    }

    [Test]
    public async Task A_series_without_image_instances_is_not_supported()
    {
        var (status, callback) = await RunAsync(Pipeline.Samples.NoImages(), "ct-lesion-classifier");

        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("not_supported"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("image"));
    }

    [Test]
    public async Task A_corrupt_zip_fails_with_the_reason()
    {
        var (status, callback) = await RunAsync(SampleSeriesFactory.CorruptZip(), "ct-lesion-classifier");

        Assert.That(status.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.StartWith("the archive was rejected (NotAZip)"));
    }

    [Test]
    public async Task An_entry_that_climbs_out_of_the_folder_fails_as_zip_slip()
    {
        var (_, callback) = await RunAsync(Pipeline.Samples.ZipSlip("ct-lesion-classifier"), "ct-lesion-classifier");

        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("UnsafePath").And.Contain("escape.dcm"));
        Assert.That(Directory.EnumerateFiles(Pipeline.Running.StorePath, "escape.dcm", SearchOption.AllDirectories), Is.Empty);
        Assert.That(File.Exists(Path.Combine(Pipeline.Running.Directory, "escape.dcm")), Is.False);
    }

    [Test]
    public async Task An_entry_that_inflates_past_the_limits_fails_as_a_zip_bomb()
    {
        var (_, callback) = await RunAsync(Pipeline.Samples.ZipBomb("ct-lesion-classifier"), "ct-lesion-classifier");

        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("ZipBomb"));
    }

    [Test]
    public async Task A_truncated_instance_fails_naming_the_file()
    {
        var (_, callback) = await RunAsync(Pipeline.Samples.Truncated("ct-lesion-classifier"), "ct-lesion-classifier");

        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("CT_2.dcm").And.Contain("Truncated"));
    }

    [Test]
    public async Task Instances_of_another_series_than_announced_fail_as_a_UID_mismatch()
    {
        var (_, callback) = await RunAsync(Pipeline.Samples.UidMismatch("ct-lesion-classifier"), "ct-lesion-classifier");

        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("UidMismatch"));
    }

    private static async Task<(JsonElement Status, JsonElement Callback)> RunAsync(SampleSeries series, string modelType)
    {
        using var client = new SeriesClient();
        var seriesId = SeriesClient.NewSeriesId();
        using var response = await client.SubmitAsync(series, modelType, seriesId);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());

        var status = await client.WaitForFinishAsync(series, modelType);
        Assert.That(status.GetProperty("reason").GetString(), Is.Not.Null.And.Not.Empty, "every terminal state carries a reason");
        var callback = (await client.SettledCallbacksAsync(seriesId, 1)).Single();
        Assert.That(callback.GetProperty("reason").GetString(), Is.EqualTo(status.GetProperty("reason").GetString()));
        Assert.That(callback.GetProperty("modelType").GetString(), Is.EqualTo(modelType));
        return (status, callback);
    }
}
