using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MedPipeline.SampleData;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// POST /api/archives, the upload step of direct enqueue: the ZIP goes under the caller's own prefix (its key names
/// the organization), with the series request's checks, so a backend that publishes its own commands needs no store access.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_archive_is_uploaded_for_direct_enqueue
{
    private const int Cap = 400_000;
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(),
        ("Gateway__Upload__MaxWaitingBytesPerOrganization", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [SetUp]
    public void EmptyTheStore() => _gateway.DeleteArchives();

    [Test]
    public async Task A_ZIP_is_stored_under_the_callers_organization_and_its_key_answered()
    {
        var zip = SeriesZip();
        using var client = _gateway.Client();

        using var response = await client.PostAsync("api/archives", Body(zip, "application/zip"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var key = answer.RootElement.GetProperty("archiveKey").GetString()!;
        Assert.That(key, Does.Match(@"\Aarchives/st-olaf/[0-9a-f]{32}\.zip\z"));
        Assert.That(answer.RootElement.GetProperty("bytes").GetInt64(), Is.EqualTo(zip.Length));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(_gateway.Store, key)), Is.EqualTo(zip), "stored byte for byte");
    }

    [Test]
    public async Task A_body_that_is_not_a_ZIP_is_400_and_nothing_is_kept()
    {
        using var client = _gateway.Client();

        using var response = await client.PostAsync("api/archives", Body("not a zip at all"u8.ToArray(), "application/zip"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(_gateway.Archives(), Is.Empty);
    }

    [Test]
    public async Task Another_content_type_is_415_naming_the_header()
    {
        using var client = _gateway.Client();

        using var response = await client.PostAsync("api/archives", Body(SeriesZip(), "multipart/form-data; boundary=x"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Content-Type"));
        Assert.That(_gateway.Archives(), Is.Empty);
    }

    [Test]
    public async Task Past_the_organizations_cap_it_is_429_and_nothing_is_kept()
    {
        var folder = Path.Combine(_gateway.Store, "archives", "st-olaf");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "earlier.zip"), new byte[Cap]);
        using var client = _gateway.Client();

        using var response = await client.PostAsync("api/archives", Body(SeriesZip(), "application/zip"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), await response.Content.ReadAsStringAsync());
        Assert.That(_gateway.Archives().Select(Path.GetFileName), Is.EqualTo(new[] { "earlier.zip" }));
    }

    [Test]
    public async Task Without_a_key_it_is_401()
    {
        using var client = _gateway.Factory.CreateClient();

        using var response = await client.PostAsync("api/archives", Body(SeriesZip(), "application/zip"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(_gateway.Archives(), Is.Empty);
    }

    private static byte[] SeriesZip() => new SampleSeriesFactory(RepositoryPaths.Models).ForModel("ct-lesion-classifier", 1).Zip;

    private static ByteArrayContent Body(byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
