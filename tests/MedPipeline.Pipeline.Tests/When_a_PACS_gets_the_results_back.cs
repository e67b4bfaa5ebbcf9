using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace MedPipeline.Pipeline.Tests;

/// <summary>
/// The whole loop with a real PACS: Orthanc sends a study over STOW-RS, the series completes, and its SR comes back to
/// Orthanc over STOW-RS into the same study; the callback's result names it. The organization is
/// <see cref="Pipeline.DicomOrganization"/>, whose DICOM export points at this Orthanc.
/// </summary>
[NonParallelizable]
public sealed class When_a_PACS_gets_the_results_back
{
    private OrthancServer _orthanc = null!;

    [OneTimeSetUp]
    public async Task StartAsync() =>
        _orthanc = await OrthancServer.StartAsync(Pipeline.Running.Gateway, Pipeline.Running.OtherApiKey, Pipeline.OrthancPort);

    [OneTimeTearDown]
    public async Task StopAsync() => await _orthanc.DisposeAsync();

    [TestCase(4)]
    [TestCase(100)]
    public async Task The_SR_lands_in_the_source_study_and_the_callback_names_it(int instances)
    {
        var series = Pipeline.Samples.ForModel("ct-lesion-classifier", instances);
        var study = await _orthanc.UploadZipAsync(series.Zip);

        var roundTrip = Stopwatch.StartNew();
        await _orthanc.StowAsync(study);
        var report = await WaitForStructuredReportAsync(study, TimeSpan.FromMinutes(3));
        var total = roundTrip.Elapsed;
        using var client = new SeriesClient(asOtherOrganization: true);
        var callback = (await client.WaitForCallbacksAsync(series.SeriesInstanceUid, 1, TimeSpan.FromMinutes(1))).Single();

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{instances} instances: Orthanc's STOW-RS start -> the SR stored back in Orthanc {total.TotalSeconds:F2} s (quiet period {Pipeline.DicomWebQuietPeriod.TotalSeconds:F1} s included)"));
        var results = callback.GetProperty("result").GetProperty("dicom_results");
        Assert.That(callback.GetProperty("status").GetString(), Is.EqualTo("completed"), callback.ToString());
        Assert.That(results.GetProperty("structured_report_uid").GetString(), Is.EqualTo(report.SopInstanceUid));
        Assert.That(results.GetProperty("structured_report_uid").GetString(), Does.StartWith("1.2.826.0.1.3680043.10."));
        Assert.That(results.GetProperty("secondary_capture_uids").GetArrayLength(), Is.Zero, "a classifier gets no heatmap images");
        var export = results.GetProperty("exports").EnumerateArray().Single();
        Assert.That(export.GetProperty("outcome").GetString(), Is.EqualTo("stored"), export.ToString());
        Assert.That(export.GetProperty("destination").GetString(), Is.EqualTo("orthanc"));
        Assert.That(report.StudyInstanceUid, Is.EqualTo(series.StudyInstanceUid), "the SR is in the source study");
    }

    [Test]
    public async Task An_anomaly_study_gets_a_heatmap_image_per_flagged_deciding_frame_beside_its_SR()
    {
        var series = Pipeline.Samples.ForModel("xray-anomaly", 6, "anomaly");
        var study = await _orthanc.UploadZipAsync(series.Zip);

        await _orthanc.StowAsync(study);
        await WaitForStructuredReportAsync(study, TimeSpan.FromMinutes(3));
        using var client = new SeriesClient(asOtherOrganization: true);
        var result = (await client.WaitForCallbacksAsync(series.SeriesInstanceUid, 1, TimeSpan.FromMinutes(1))).Single().GetProperty("result");
        using var gateway = Pipeline.Running.GatewayClient(true, TimeSpan.FromSeconds(30));
        var status = await gateway.GetFromJsonAsync<JsonElement>(
            $"api/studies/series/{series.SeriesInstanceUid}/status?organization={Pipeline.DicomOrganization}&modelType=xray-anomaly");

        var flagged = result.GetProperty("instances").EnumerateArray().Where(i => i.GetProperty("is_anomaly").GetBoolean())
            .Select(i => i.GetProperty("sop_instance_uid").GetString()).ToHashSet();
        var expected = status.GetProperty("heatmaps").EnumerateArray().Count(h => flagged.Contains(h.GetProperty("sopInstanceUid").GetString()));
        Assert.That(expected, Is.GreaterThan(0), $"the phantom anomalies are flagged and their frames have heatmaps: {result}");
        var images = result.GetProperty("dicom_results").GetProperty("secondary_capture_uids").EnumerateArray().Select(u => u.GetString()!).ToList();
        Assert.That(images, Has.Count.EqualTo(expected), "one secondary capture per flagged frame with a heatmap");
        var inStudy = await WaitForInstancesAsync(study, images, TimeSpan.FromMinutes(1));
        Assert.That(inStudy, Is.SupersetOf(images), "the heatmap images are in the source study");
    }

    /// <summary>The SOP Instance UIDs of Orthanc's study once every one of <paramref name="wanted"/> is among them (or the timeout).</summary>
    private async Task<HashSet<string>> WaitForInstancesAsync(string study, IReadOnlyCollection<string> wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        HashSet<string> found;
        do
        {
            var instances = await _orthanc.Client.GetFromJsonAsync<JsonElement>($"studies/{study}/instances");
            found = [.. instances.EnumerateArray().Select(i => i.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()!)];
            if (found.IsSupersetOf(wanted))
            {
                break;
            }

            await Task.Delay(200);
        }
        while (DateTime.UtcNow < deadline);
        return found;
    }

    /// <summary>Polls Orthanc's REST API for an SR instance in the study (Orthanc's id of the source study).</summary>
    private async Task<(string SopInstanceUid, string StudyInstanceUid)> WaitForStructuredReportAsync(string study, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var seriesList = await _orthanc.Client.GetFromJsonAsync<JsonElement>($"studies/{study}/series");
            foreach (var series in seriesList.EnumerateArray().Where(s => s.GetProperty("MainDicomTags").TryGetProperty("Modality", out var m) && m.GetString() == "SR"))
            {
                var instances = await _orthanc.Client.GetFromJsonAsync<JsonElement>($"series/{series.GetProperty("ID").GetString()}/instances");
                var instance = instances.EnumerateArray().Single();
                var studyUid = (await _orthanc.Client.GetFromJsonAsync<JsonElement>($"studies/{study}")).GetProperty("MainDicomTags").GetProperty("StudyInstanceUID").GetString()!;
                return (instance.GetProperty("MainDicomTags").GetProperty("SOPInstanceUID").GetString()!, studyUid);
            }

            await Task.Delay(100);
        }

        Assert.Fail($"no SR reached Orthanc's study {study} within {timeout}\n{SeriesClient.Logs()}");
        throw new UnreachableException();
    }
}
