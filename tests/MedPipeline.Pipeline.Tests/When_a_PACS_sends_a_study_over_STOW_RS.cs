using System.Diagnostics;
using System.Globalization;

namespace MedPipeline.Pipeline.Tests;

/// <summary>A real DICOMweb client: Orthanc, configured with the gateway as its DICOMweb server, sends a study it holds.</summary>
[NonParallelizable]
public sealed class When_a_PACS_sends_a_study_over_STOW_RS
{
    private OrthancServer _orthanc = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _orthanc = await OrthancServer.StartAsync(Pipeline.Running.Gateway, Pipeline.Running.ApiKey);

    [OneTimeTearDown]
    public async Task StopAsync() => await _orthanc.DisposeAsync();

    [TestCase(4)]
    [TestCase(100)]
    public async Task The_series_completes_and_the_callback_arrives(int instances)
    {
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", instances);
        var study = await _orthanc.UploadZipAsync(series.Zip);

        var roundTrip = Stopwatch.StartNew();
        var answer = await _orthanc.StowAsync(study);
        var sent = roundTrip.Elapsed;
        using var client = new SeriesClient();
        // In this design the backend series id of a DICOMweb series is its Series Instance UID.
        var callback = (await client.WaitForCallbacksAsync(series.SeriesInstanceUid, 1, TimeSpan.FromMinutes(3))).Single();
        var total = roundTrip.Elapsed;

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instances} instances: Orthanc's STOW-RS took {sent.TotalSeconds:F2} s; STOW start -> callback {total.TotalSeconds:F2} s (quiet period {Pipeline.DicomWebQuietPeriod.TotalSeconds:F1} s included). Orthanc said: {answer}"));
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("completed"), callback.ToString());
        Assert.That(callback.GetProperty("modelType").GetString(), Is.EqualTo("ct-lesion-classifier"));
        Assert.That(callback.GetProperty("result").GetProperty("instance_count").GetInt32(), Is.EqualTo(instances));
        var status = await client.WaitForFinishAsync(series, "ct-lesion-classifier");
        Assert.That(status.GetProperty("found").GetProperty("instanceCount").GetInt32(), Is.EqualTo(instances));
    }

    [Test]
    public async Task A_series_no_rule_routes_ends_not_supported_and_the_callback_says_why()
    {
        var series = Pipeline.Samples.UnsupportedModality("ct-lesion-classifier");
        var study = await _orthanc.UploadZipAsync(series.Zip);

        await _orthanc.StowAsync(study);
        using var client = new SeriesClient();

        var callback = (await client.WaitForCallbacksAsync(series.SeriesInstanceUid, 1, TimeSpan.FromMinutes(1))).Single();
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("not_supported"));
        Assert.That(callback.GetProperty("reason").GetString(), Does.Contain("no DICOMweb routing rule matches").And.Contain("modality MR"));
    }
}
