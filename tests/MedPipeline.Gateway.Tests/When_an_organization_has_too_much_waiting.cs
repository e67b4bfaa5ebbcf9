using System.Net;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>
/// Gateway:Upload:MaxWaitingBytesPerOrganization: bytes of one organization's uploads waiting in the store.
/// The sample series' ZIP is a few tens of KB; the cap is set around it.
/// </summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_an_organization_has_too_much_waiting
{
    private const int Cap = 200_000;
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri(),
        ("Gateway__Upload__MaxWaitingBytesPerOrganization", Cap.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Gateway__Upload__WaitingBytesRetryAfter", "00:00:42"));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [SetUp]
    public void EmptyTheStore() => _gateway.DeleteArchives();

    [Test]
    public async Task A_submission_over_the_cap_is_429_with_retry_after_and_nothing_is_kept()
    {
        WaitingUpload("earlier.zip", Cap);
        using var client = _gateway.Client();
        using var form = SeriesGateway.Request();

        using var response = await client.PostAsync("api/studies/series/predict", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(42)));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("retry when some series have finished"));
        Assert.That(_gateway.Archives().Select(Path.GetFileName), Is.EqualTo(new[] { "earlier.zip" }), "only what already waited");
    }

    [Test]
    public async Task An_upload_that_would_pass_the_cap_while_streaming_is_429_and_removed()
    {
        using var form = SeriesGateway.Request();
        var size = (await form.ReadAsByteArrayAsync()).Length;
        // Room for less than this upload: it is cut when it passes the cap, not accepted first.
        WaitingUpload("earlier.zip", Cap - (size / 2));
        using var client = _gateway.Client();

        using var response = await client.PostAsync("api/studies/series/predict", SeriesGateway.Request());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), await response.Content.ReadAsStringAsync());
        Assert.That(_gateway.Archives().Select(Path.GetFileName), Is.EqualTo(new[] { "earlier.zip" }));
    }

    [Test]
    public async Task Under_the_cap_a_submission_is_accepted()
    {
        WaitingUpload("earlier.zip", Cap / 4);
        using var client = _gateway.Client();
        using var form = SeriesGateway.Request();

        using var response = await client.PostAsync("api/studies/series/predict", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(_gateway.Archives(), Has.Length.EqualTo(2));
    }

    /// <summary>An upload of st-olaf accepted earlier and not yet processed.</summary>
    private void WaitingUpload(string name, int bytes)
    {
        var folder = Path.Combine(_gateway.Store, "archives", "st-olaf");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name), new byte[bytes]);
    }
}
