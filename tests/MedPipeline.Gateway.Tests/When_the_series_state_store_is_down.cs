using System.Net;
using MedPipeline.Testing;

namespace MedPipeline.Gateway.Tests;

/// <summary>The gateway with the series pipeline on (a real broker) and its database unreachable.</summary>
[NonParallelizable]
[Category(TestTiers.Integration)]
public sealed class When_the_series_state_store_is_down
{
    private SeriesGateway _gateway = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _gateway = new SeriesGateway((await TestServices.RabbitMqAsync()).AmqpUri());

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _gateway.DisposeAsync();
    }

    [Test]
    public async Task A_status_request_is_answered_503_with_a_problem_body()
    {
        using var client = _gateway.Client();

        using var response = await client.GetAsync("api/studies/series/1.2.3.4/status?organization=st-olaf&modelType=ct-lesion-classifier");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("does not answer"));
    }

    [Test]
    public async Task A_series_request_is_still_accepted_because_the_saga_decides_later()
    {
        using var client = _gateway.Client();
        using var form = SeriesGateway.Request();

        using var response = await client.PostAsync("api/studies/series/predict", form);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        Assert.That(_gateway.Archives(), Has.Length.EqualTo(1), "the archive waits in the store");
        Assert.That(Path.GetDirectoryName(_gateway.Archives()[0]), Is.EqualTo(Path.Combine(_gateway.Store, "archives", "st-olaf")),
            "under the caller's organization prefix");
    }
}
