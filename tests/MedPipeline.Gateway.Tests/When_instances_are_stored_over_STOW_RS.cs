using System.Net;
using System.Text.Json;
using MedPipeline.Organizations;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>POST /dicomweb/studies[/{study}] on the gateway with a real broker; the quiet period is long, so series close only on commit.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_instances_are_stored_over_STOW_RS
{
    private readonly string _readerKey = ApiKeys.NewKey();
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(),
        ("Gateway__DicomWeb__QuietPeriod", "01:00:00"),
        ("Gateway__DicomWeb__Routes__0__Modality", "CT"),
        ("Gateway__DicomWeb__Routes__0__ModelType", "ct-lesion-classifier"),
        ("Organizations__st-olaf__ApiKeys__1__Id", "reader"),
        ("Organizations__st-olaf__ApiKeys__1__Sha256", ApiKeys.HashOf(_readerKey)),
        ("Organizations__st-olaf__ApiKeys__1__Roles__0", "read"));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task A_series_is_stored_and_answered_200_with_a_reference_per_instance()
    {
        var (series, instances) = StowRequest.Series();
        using var client = _gateway.Client();

        using var response = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/dicom+json"));
        var json = await JsonAsync(response);
        Assert.That(json.TryGetProperty("00081198", out _), Is.False, "nothing failed");
        var references = Items(json, "00081199");
        Assert.That(references, Has.Count.EqualTo(3));
        Assert.That(references.Select(r => Value(r, "00081155")), Is.Unique);
        Assert.That(references.Select(r => Value(r, "00081150")), Has.All.StartWith("1.2.840.10008.5.1.4.1.1."));
        Assert.That(Value(references[0], "00081190"), Does.Contain($"/dicomweb/studies/{series.StudyInstanceUid}/series/{series.SeriesInstanceUid}/instances/{Value(references[0], "00081155")}"));
        Assert.That(Value(json, "00081190"), Does.EndWith($"/dicomweb/studies/{series.StudyInstanceUid}"));
        Assert.That(PendingFiles(series.SeriesInstanceUid), Has.Length.EqualTo(4), "three instances and the series record");
    }

    [Test]
    public async Task The_same_instance_twice_is_stored_once()
    {
        var (series, instances) = StowRequest.Series(count: 1);
        using var client = _gateway.Client();

        using var first = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances[0], instances[0]));
        using var again = await client.PostAsync($"dicomweb/studies/{series.StudyInstanceUid}", StowRequest.Of(instances[0]));

        Assert.That((first.StatusCode, again.StatusCode), Is.EqualTo((HttpStatusCode.OK, HttpStatusCode.OK)));
        Assert.That(Items(await JsonAsync(first), "00081199"), Has.Count.EqualTo(2));
        Assert.That(PendingFiles(series.SeriesInstanceUid).Count(f => f.EndsWith(".dcm", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task A_part_that_is_not_DICOM_fails_alone_with_0xC000_and_the_answer_is_202()
    {
        var (_, instances) = StowRequest.Series(count: 1);
        using var client = _gateway.Client();

        using var response = await client.PostAsync("dicomweb/studies", StowRequest.Of(instances[0], "not a DICOM file at all, just words"u8.ToArray()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var json = await JsonAsync(response);
        Assert.That(Items(json, "00081199"), Has.Count.EqualTo(1));
        Assert.That(Items(json, "00081198").Select(f => f.GetProperty("00081197").GetProperty("Value")[0].GetInt32()), Is.EqualTo(new[] { 0xC000 }));
    }

    [Test]
    public async Task Only_failures_answer_409_a_wrong_media_type_and_a_truncated_instance_included()
    {
        var (_, instances) = StowRequest.Series(count: 1);
        using var client = _gateway.Client();

        using var response = await client.PostAsync("dicomweb/studies",
            StowRequest.Of(("application/dicom", instances[0][..^10]), ("image/jpeg", instances[0])));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), await response.Content.ReadAsStringAsync());
        Assert.That(Items(await JsonAsync(response), "00081198").Select(f => f.GetProperty("00081197").GetProperty("Value")[0].GetInt32()),
            Is.EqualTo(new[] { 0xC000, 0xC000 }));
    }

    [Test]
    public async Task An_instance_of_another_study_than_the_URL_names_fails_with_0xC122_and_its_UIDs()
    {
        var (series, instances) = StowRequest.Series(count: 1);
        using var client = _gateway.Client();

        using var response = await client.PostAsync("dicomweb/studies/1.2.3.999", StowRequest.Of(instances));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var failure = Items(await JsonAsync(response), "00081198").Single();
        Assert.That(failure.GetProperty("00081197").GetProperty("Value")[0].GetInt32(), Is.EqualTo(0xC122));
        Assert.That(Value(failure, "00081155"), Is.Not.Empty);
        Assert.That(PendingFiles(series.SeriesInstanceUid), Is.Empty);
    }

    [Test]
    public async Task A_body_that_is_not_multipart_related_of_DICOM_is_415()
    {
        using var client = _gateway.Client();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "file", "a.dcm" } };

        using var response = await client.PostAsync("dicomweb/studies", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task No_credentials_are_401_and_a_read_only_key_is_403()
    {
        var (_, instances) = StowRequest.Series(count: 1);
        using var anonymous = _gateway.Factory.CreateClient();
        using var reader = _gateway.Factory.CreateClient();
        reader.DefaultRequestHeaders.Add("X-API-Key", _readerKey);

        using var unauthenticated = await anonymous.PostAsync("dicomweb/studies", StowRequest.Of(instances));
        using var forbidden = await reader.PostAsync("dicomweb/studies", StowRequest.Of(instances));
        using var commit = await reader.PostAsync("dicomweb/series/1.2.3/commit", null);

        Assert.That((unauthenticated.StatusCode, forbidden.StatusCode, commit.StatusCode),
            Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden)));
    }

    private string[] PendingFiles(string series)
    {
        var folder = Path.Combine(_gateway.Store, "dicomweb", "st-olaf", series);
        return Directory.Exists(folder) ? Directory.GetFiles(folder) : [];
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static List<JsonElement> Items(JsonElement json, string tag) => [.. json.GetProperty(tag).GetProperty("Value").EnumerateArray()];

    private static string Value(JsonElement item, string tag) => item.GetProperty(tag).GetProperty("Value")[0].GetString()!;
}
