using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
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
        string? study = null;
        foreach (var instance in InstancesOf(series.Zip))
        {
            study = await _orthanc.UploadAsync(instance);
        }

        var roundTrip = Stopwatch.StartNew();
        await _orthanc.StowAsync(study!);
        var report = await WaitForStructuredReportAsync(study!, TimeSpan.FromMinutes(3));
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

    private static List<byte[]> InstancesOf(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return [.. archive.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        })];
    }
}
