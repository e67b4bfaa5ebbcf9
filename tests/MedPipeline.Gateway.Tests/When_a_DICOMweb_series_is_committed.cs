using System.IO.Compression;
using System.Net;
using System.Text.Json;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>POST /dicomweb/series/{series}/commit closes a pending series at once (the quiet period is long here).</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_a_DICOMweb_series_is_committed
{
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(),
        ("Gateway__DicomWeb__QuietPeriod", "01:00:00"),
        ("Gateway__DicomWeb__Routes__0__Modality", "CT"),
        ("Gateway__DicomWeb__Routes__0__ModelType", "ct-lesion-classifier"));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task A_commit_closes_the_series_into_one_upload_archive_and_clears_it()
    {
        var (series, instances) = StowRequest.Series(count: 4);
        using var client = _gateway.Client();
        using var stored = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances));
        var archivesBefore = _gateway.Archives();

        using var commit = await client.PostAsync($"dicomweb/series/{series.SeriesInstanceUid}/commit", null);

        Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await commit.Content.ReadAsStringAsync());
        var answer = await JsonAsync(commit);
        Assert.That(answer.GetProperty("status").GetString(), Is.EqualTo("submitted"));
        Assert.That(answer.GetProperty("correlationId").GetGuid(),
            Is.EqualTo(Contracts.SeriesCorrelation.For("st-olaf", series.StudyInstanceUid, series.SeriesInstanceUid, "ct-lesion-classifier")));
        var archive = _gateway.Archives().Except(archivesBefore).Single();
        using (var zip = ZipFile.OpenRead(archive))
        {
            Assert.That(zip.Entries, Has.Count.EqualTo(4));
            Assert.That(zip.Entries.Select(e => e.Length).Order(), Is.EqualTo(instances.Select(i => (long)i.Length).Order()));
        }

        Assert.That(PendingFiles(series.SeriesInstanceUid), Is.Empty);
        using var again = await client.PostAsync($"dicomweb/series/{series.SeriesInstanceUid}/commit", null);
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "already closed");
    }

    [Test]
    public async Task A_series_no_rule_routes_is_closed_as_not_supported_without_an_upload()
    {
        var (series, instances) = StowRequest.Series(unsupported: true);
        using var client = _gateway.Client();
        using var stored = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances));
        var archivesBefore = _gateway.Archives();

        using var commit = await client.PostAsync($"dicomweb/series/{series.SeriesInstanceUid}/commit", null);

        Assert.That(commit.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await JsonAsync(commit)).GetProperty("status").GetString(), Is.EqualTo("not_supported"));
        Assert.That(_gateway.Archives(), Is.EquivalentTo(archivesBefore));
        Assert.That(PendingFiles(series.SeriesInstanceUid), Is.Empty);
    }

    private string[] PendingFiles(string series)
    {
        var folder = Path.Combine(_gateway.Store, "dicomweb", "st-olaf", series);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
}
